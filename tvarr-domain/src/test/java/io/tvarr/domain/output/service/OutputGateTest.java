package io.tvarr.domain.output.service;

import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.InMemoryOutputAccesses;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.OutputGrant;
import io.tvarr.domain.output.OutputGrant.Refusal;
import io.tvarr.domain.output.port.in.OutputRequest;
import io.tvarr.domain.proxy.StreamProxy;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutputGateTest {
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456";
    private static final InetAddress HOME = CidrRange.parseAddress("192.168.1.20", "test");
    private static final InetAddress OUTSIDE = CidrRange.parseAddress("203.0.113.9", "test");

    private final StreamProxy proxy = aProxy("living-room");
    private final KnownProxies proxies = new KnownProxies().add(proxy);
    private final InMemoryOutputAccesses accesses = new InMemoryOutputAccesses();
    private final OutputGate gate =
            new OutputGate(accesses, proxies, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    private OutputGrant ask(String segment, @Nullable String token, InetAddress client) {
        return gate.authorize(new OutputRequest(segment, token, client));
    }

    private void mode(AccessMode mode, String... ranges) {
        accesses.save(new OutputAccess(
                proxy.id(),
                mode,
                ranges.length == 0
                        ? OutputAccess.PRIVATE_RANGES
                        : List.of(ranges).stream().map(CidrRange::parse).toList(),
                mode == AccessMode.TOKEN ? TOKEN : null));
    }

    @Nested
    class Lan {
        @Test
        void a_proxy_never_changed_answers_the_private_networks_by_id_and_slug() {
            assertThat(ask("living-room", null, HOME)).isEqualTo(new OutputGrant.Granted(proxy.id()));
            assertThat(ask(proxy.id().toString(), null, CidrRange.parseAddress("::1", "t")))
                    .isEqualTo(new OutputGrant.Granted(proxy.id()));
        }

        @Test
        void refuses_an_address_outside_its_ranges_naming_the_address() {
            assertThat(ask("living-room", null, OUTSIDE))
                    .isEqualTo(new OutputGrant.Refused(
                            Refusal.OUTSIDE_RANGES, "client 203.0.113.9: outside the networks this proxy answers"));
        }

        @Test
        void answers_its_configured_ipv6_ranges_only() {
            mode(AccessMode.LAN, "2001:db8::/32");

            assertThat(ask("living-room", null, CidrRange.parseAddress("2001:db8::5", "t")))
                    .isInstanceOf(OutputGrant.Granted.class);
            assertThat(ask("living-room", null, HOME)).isInstanceOf(OutputGrant.Refused.class);
        }

        @Test
        void does_not_answer_to_a_token() {
            assertThat(ask(TOKEN, null, HOME))
                    .isEqualTo(new OutputGrant.Refused(Refusal.UNKNOWN, "proxy '" + TOKEN + "': not found"));
        }
    }

    @Nested
    class Open {
        @Test
        void answers_anyone() {
            mode(AccessMode.OPEN);

            assertThat(ask("living-room", null, OUTSIDE)).isEqualTo(new OutputGrant.Granted(proxy.id()));
        }
    }

    @Nested
    class Token {
        @Test
        void the_token_as_the_path_segment_opens_it_from_anywhere() {
            mode(AccessMode.TOKEN);

            assertThat(ask(TOKEN, null, OUTSIDE)).isEqualTo(new OutputGrant.Granted(proxy.id()));
        }

        @Test
        void id_or_slug_with_the_token_as_query_opens_it() {
            mode(AccessMode.TOKEN);

            assertThat(ask("living-room", TOKEN, OUTSIDE)).isEqualTo(new OutputGrant.Granted(proxy.id()));
        }

        @Test
        void id_or_slug_without_a_token_looks_like_an_unknown_proxy_even_from_home() {
            mode(AccessMode.TOKEN);

            assertThat(ask("no-such-proxy", null, HOME)).isEqualTo(unknown("no-such-proxy"));
            assertThat(ask("living-room", null, HOME)).isEqualTo(unknown("living-room"));
            assertThat(ask(proxy.id().toString(), null, HOME))
                    .isEqualTo(unknown(proxy.id().toString()));
        }

        @Test
        void a_wrong_query_token_is_refused_as_wrong() {
            mode(AccessMode.TOKEN);

            assertThat(ask("living-room", TOKEN + "x", HOME))
                    .isEqualTo(new OutputGrant.Refused(Refusal.WRONG_TOKEN, "token: not the token of this proxy"));
        }

        @Test
        void a_wrong_token_as_the_path_segment_is_an_unknown_proxy() {
            mode(AccessMode.TOKEN);

            assertThat(ask(TOKEN.substring(1) + "x", null, HOME)).isEqualTo(unknown(TOKEN.substring(1) + "x"));
        }

        private OutputGrant unknown(String segment) {
            return new OutputGrant.Refused(Refusal.UNKNOWN, "proxy '" + segment + "': not found");
        }
    }

    @Nested
    class Xtream_accounts {
        @Test
        void only_a_lan_proxy_refuses_by_address() {
            assertThat(gate.authorizeAccount(proxy.id(), OUTSIDE)).isInstanceOf(OutputGrant.Refused.class);
            mode(AccessMode.TOKEN);
            assertThat(gate.authorizeAccount(proxy.id(), OUTSIDE)).isEqualTo(new OutputGrant.Granted(proxy.id()));
        }
    }

    @Nested
    class Logos {
        @Test
        void follow_the_most_open_proxy() {
            StreamProxy open = aProxy("open");
            proxies.add(open);
            mode(AccessMode.TOKEN);
            assertThat(gate.mayReadLogos(null, OUTSIDE)).isFalse();
            assertThat(gate.mayReadLogos(TOKEN, OUTSIDE)).isTrue();
            assertThat(gate.mayReadLogos(null, HOME)).isTrue();
        }

        @Test
        void an_open_proxy_opens_them_to_anyone() {
            mode(AccessMode.OPEN);

            assertThat(gate.mayReadLogos(null, OUTSIDE)).isTrue();
        }

        @Test
        void with_no_proxy_they_answer_the_private_networks() {
            proxies.delete(proxy.id());

            assertThat(gate.mayReadLogos(null, HOME)).isTrue();
            assertThat(gate.mayReadLogos(null, OUTSIDE)).isFalse();
        }
    }
}
