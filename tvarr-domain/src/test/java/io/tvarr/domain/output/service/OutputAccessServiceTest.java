package io.tvarr.domain.output.service;

import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.InMemoryOutputAccesses;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ChangeOutputAccessCommand;
import io.tvarr.domain.output.port.in.OutputUrls;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationStatus;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputAccessServiceTest {
    private final StreamProxy proxy = aProxy("living-room");
    private final InMemoryOutputAccesses accesses = new InMemoryOutputAccesses();
    private final Generations generations = new Generations();
    private final OutputAccessService service = new OutputAccessService(
            accesses, new KnownProxies().add(proxy), generations, () -> "http://tv.local:8080/");

    @Test
    void a_proxy_never_changed_is_lan_with_the_private_ranges() {
        assertThat(service.read(proxy.id())).isEqualTo(OutputAccess.defaults(proxy.id()));
        assertThat(service.read(proxy.id()).outputKey()).isEqualTo(proxy.id().toString());
    }

    @Test
    void entering_token_mode_makes_a_url_safe_token_from_32_random_bytes() {
        OutputAccess access = service.change(proxy.id(), command(AccessMode.TOKEN));

        assertThat(access.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(access.outputKey()).isEqualTo(access.token());
        assertThat(accesses.findByProxy(proxy.id())).contains(access);
    }

    @Test
    void changing_ranges_in_token_mode_keeps_the_token() {
        String token = service.change(proxy.id(), command(AccessMode.TOKEN)).token();

        assertThat(service.change(proxy.id(), command(AccessMode.TOKEN, "10.0.0.0/8"))
                        .token())
                .isEqualTo(token);
    }

    @Test
    void leaving_token_mode_drops_the_token_so_coming_back_gives_a_new_one() {
        String token = service.change(proxy.id(), command(AccessMode.TOKEN)).token();

        assertThat(service.change(proxy.id(), command(AccessMode.OPEN)).token()).isNull();
        assertThat(service.change(proxy.id(), command(AccessMode.TOKEN)).token())
                .isNotEqualTo(token);
    }

    @Test
    void rotating_gives_a_new_token_and_regenerates_a_published_proxy() {
        String token = service.change(proxy.id(), command(AccessMode.TOKEN)).token();
        generations.published = true;
        generations.generated.clear();

        OutputAccess rotated = service.rotateToken(proxy.id());

        assertThat(rotated.token()).isNotEqualTo(token);
        assertThat(service.read(proxy.id()).tokenIs(token)).isFalse();
        assertThat(generations.generated).containsExactly(proxy.id());
    }

    @Test
    void a_change_that_keeps_the_urls_regenerates_nothing() {
        generations.published = true;

        service.change(proxy.id(), command(AccessMode.OPEN));
        service.change(proxy.id(), command(AccessMode.LAN, "10.0.0.0/8"));

        assertThat(generations.generated).isEmpty();
    }

    @Test
    void a_proxy_never_published_is_not_generated_by_a_change() {
        service.change(proxy.id(), command(AccessMode.TOKEN));

        assertThat(generations.generated).isEmpty();
    }

    @Test
    void rotating_outside_token_mode_is_a_conflict() {
        assertThatThrownBy(() -> service.rotateToken(proxy.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("proxy " + proxy.id() + ": access mode is lan, not token (switch to token mode first)");
    }

    @Test
    void an_unknown_proxy_is_not_found() {
        ProxyId unknown = ProxyId.random();
        assertThatThrownBy(() -> service.change(unknown, command(AccessMode.OPEN)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void urls_carry_the_token_in_token_mode_and_the_slug_otherwise() {
        assertThat(service.urls(proxy.id()))
                .isEqualTo(new OutputUrls(
                        "http://tv.local:8080/proxy/living-room.m3u",
                        "http://tv.local:8080/proxy/living-room.xmltv",
                        "http://tv.local:8080/hdhr/living-room"));

        String token = service.change(proxy.id(), command(AccessMode.TOKEN)).token();

        assertThat(service.urls(proxy.id()).playlist()).isEqualTo("http://tv.local:8080/proxy/" + token + ".m3u");
        assertThat(service.urls(proxy.id()).hdhomerun()).isEqualTo("http://tv.local:8080/hdhr/" + token);
    }

    @Test
    void empty_ranges_keep_the_private_ranges() {
        assertThat(service.change(proxy.id(), command(AccessMode.LAN)).allowedRanges())
                .isEqualTo(OutputAccess.PRIVATE_RANGES);
    }

    @Test
    void a_bad_range_is_named_with_its_position() {
        assertThatThrownBy(() -> ChangeOutputAccessCommand.of(AccessMode.LAN, List.of("10.0.0.0/8", "home")))
                .hasMessageStartingWith("allowed_ranges[1]: 'home' (expected");
    }

    private static ChangeOutputAccessCommand command(AccessMode mode, String... ranges) {
        return new ChangeOutputAccessCommand(
                mode, List.of(ranges).stream().map(CidrRange::parse).toList());
    }

    /** Records generations; the playlist exists once the test says the proxy was published. */
    private static final class Generations implements GenerateProxyUseCase {
        final List<ProxyId> generated = new ArrayList<>();
        boolean published;

        @Override
        public GenerationReport generate(ProxyId id) {
            generated.add(id);
            return null;
        }

        @Override
        public GenerationStatus status(ProxyId id) {
            return GenerationStatus.never(id);
        }

        @Override
        public Optional<Path> playlist(ProxyId id) {
            return published ? Optional.of(Path.of("playlist.m3u")) : Optional.empty();
        }

        @Override
        public Optional<Path> guide(ProxyId id) {
            return Optional.empty();
        }

        @Override
        public void discard(ProxyId id) {}
    }
}
