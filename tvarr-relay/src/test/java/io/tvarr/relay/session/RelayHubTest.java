package io.tvarr.relay.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.InMemoryConnectionLeases;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.relay.port.out.ConnectionSlot;
import io.tvarr.domain.source.SourceId;
import io.tvarr.relay.RelaySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The hub against a local upstream that serves endless MPEG-TS-shaped packets. */
class RelayHubTest {
    private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test-player");
    private static final SourceId SOURCE = SourceId.random();

    private HttpServer upstream;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger flakyConnections = new AtomicInteger();
    private RelayHub hub;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        upstream.createContext("/live/", exchange -> {
            connections.incrementAndGet();
            open.incrementAndGet();
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
                exchange.sendResponseHeaders(200, 0);
                byte[] packets = packets(100);
                boolean stall = exchange.getRequestURI().getPath().contains("stall");
                for (int i = 0; i < 100_000; i++) {
                    out.write(packets);
                    out.flush();
                    if (stall) {
                        Thread.sleep(60_000);
                    }
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                // the relay hung up
            } finally {
                open.decrementAndGet();
            }
        });
        upstream.createContext("/dies/", exchange -> {
            connections.incrementAndGet();
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                out.write(packets(100));
                out.flush();
                Thread.sleep(100);
                // the provider drops the connection mid-stream
                throw new IOException("gone");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.createContext("/cut/", exchange -> {
            // sends a tenth of the body it announced, then the connection is cut: a failure, not an end
            connections.incrementAndGet();
            cut(exchange, 1);
        });
        upstream.createContext("/flaky/", exchange -> {
            // the first connection is cut mid-stream; the provider is back for every later one
            if (flakyConnections.getAndIncrement() == 0) {
                connections.incrementAndGet();
                cut(exchange, 3);
            }
            connections.incrementAndGet();
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 100_000; i++) {
                    out.write(packets(100));
                    out.flush();
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the relay hung up
            }
        });
        upstream.createContext("/broken/", exchange -> {
            connections.incrementAndGet();
            try (exchange) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        upstream.createContext("/hls/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.apple.mpegurl");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        upstream.start();
        hub = new RelayHub(
                settings(8 * 1024 * 1024, Duration.ofMillis(200), Duration.ofSeconds(10)),
                "tvarr-test",
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hub.close();
        upstream.stop(0);
    }

    private static RelaySettings settings(int buffer, Duration grace, Duration stall) {
        return new RelaySettings(
                buffer,
                Math.min(buffer, 64 * 1024),
                grace,
                // no test here is about the connect or first-byte timeout; at 2 s a session on a machine loaded by
                // several builds once gave up on a local upstream that had answered ("sent nothing within 2 s")
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                stall,
                0,
                2,
                Duration.ofSeconds(60));
    }

    private static byte[] packets(int count) {
        byte[] bytes = new byte[188 * count];
        for (int p = 0; p < count; p++) {
            bytes[p * 188] = 0x47;
            for (int i = 1; i < 188; i++) {
                bytes[p * 188 + i] = (byte) (i == 1 ? 0x1F : 0x11);
            }
        }
        return bytes;
    }

    private StreamPlan plan(String path, int sourceLimit) {
        return plan(path, sourceLimit, ChannelId.of(SOURCE, path));
    }

    private StreamPlan plan(String path, int sourceLimit, ChannelId channel) {
        return new StreamPlan(
                channel,
                "Channel " + path,
                SOURCE,
                "Provider",
                "http://127.0.0.1:" + upstream.getAddress().getPort() + path,
                Map.of("User-Agent", "tvarr-test"),
                sourceLimit,
                null);
    }

    private static byte[] readAtLeast(StreamSubscription subscription, int bytes) {
        byte[] all = new byte[bytes];
        byte[] buffer = new byte[8192];
        int have = 0;
        while (have < bytes) {
            int n = subscription.read(buffer);
            assertThat(n).as("stream ended early").isPositive();
            int take = Math.min(n, bytes - have);
            System.arraycopy(buffer, 0, all, have, take);
            have += take;
        }
        return all;
    }

    /**
     * Announces a body ten times longer than the {@code writes} times 100 packets it sends, then throws without
     * closing the exchange, so the server drops the connection mid-body (closing would end a chunked body cleanly).
     */
    private static void cut(com.sun.net.httpserver.HttpExchange exchange, int writes) throws IOException {
        exchange.sendResponseHeaders(200, 188L * 100 * writes * 10);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < writes; i++) {
            out.write(packets(100));
            out.flush();
        }
        throw new IOException("the provider drops the connection");
    }

    /** Reads until the stream ends; its error, if any, propagates. */
    private static long readToTheEnd(StreamSubscription subscription) {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = subscription.read(buffer)) >= 0) {
            total += n;
        }
        return total;
    }

    @Test
    void many_clients_share_one_upstream_and_each_gets_whole_ts_packets() {
        List<StreamSubscription> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clients.add(hub.subscribe(plan("/live/1.ts", 1), CLIENT));
        }

        for (StreamSubscription client : clients) {
            byte[] received = readAtLeast(client, 188 * 50);
            for (int p = 0; p < 50; p++) {
                assertThat(received[p * 188]).as("sync byte of packet " + p).isEqualTo((byte) 0x47);
            }
        }

        assertThat(connections).hasValue(1);
        assertThat(hub.sessions())
                .singleElement()
                .satisfies(s -> assertThat(s.clients()).hasSize(5));
        clients.forEach(StreamSubscription::close);
    }

    @Test
    void a_client_is_written_its_bytes_straight_from_the_sessions_buffer_not_through_its_own() throws IOException {
        StreamSubscription client = hub.subscribe(plan("/live/direct.ts", 0), CLIENT);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] scratch = new byte[8192];

        while (out.size() < 188 * 50) {
            assertThat(client.writeTo(out, scratch)).as("stream ended early").isPositive();
        }

        byte[] received = out.toByteArray();
        for (int p = 0; p < 50; p++) {
            assertThat(received[p * 188]).as("sync byte of packet " + p).isEqualTo((byte) 0x47);
        }
        assertThat(scratch).as("the client's own buffer, left untouched").containsOnly(0);
        client.close();
    }

    @Test
    void the_upstream_closes_after_the_grace_period_once_nobody_watches() throws InterruptedException {
        StreamSubscription client = hub.subscribe(plan("/live/2.ts", 0), CLIENT);
        readAtLeast(client, 188 * 10);

        client.close();

        Await.until(
                () -> hub.sessions().isEmpty(), Duration.ofSeconds(5), "session still running after the grace period");
        Await.until(() -> open.get() == 0, Duration.ofSeconds(5), "upstream connection still open");
        assertThat(hub.sourceUse()).isEmpty();
    }

    @Test
    void a_source_at_its_connection_limit_refuses_a_new_upstream_without_opening_it() {
        StreamSubscription first = hub.subscribe(plan("/live/a.ts", 1), CLIENT);
        readAtLeast(first, 188);

        assertThatThrownBy(() -> hub.subscribe(plan("/live/b.ts", 1), CLIENT))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("1 of its 1 allowed connection");

        assertThat(connections).hasValue(1);
        first.close();
    }

    @Test
    void repeated_failures_open_the_hosts_circuit_breaker() {
        for (int i = 0; i < 2; i++) {
            StreamSubscription failing = hub.subscribe(plan("/broken/" + i + ".ts", 0), CLIENT);
            assertThatThrownBy(() -> failing.read(new byte[1024]))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("http 500");
        }

        assertThatThrownBy(() -> hub.subscribe(plan("/broken/3.ts", 0), CLIENT))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(connections).hasValue(2);
        assertThat(hub.upstreams())
                .singleElement()
                .satisfies(u -> assertThat(u.breaker()).isEqualTo("open"));
    }

    @Test
    void a_client_that_falls_a_whole_buffer_behind_is_cut_off_and_the_others_carry_on() throws InterruptedException {
        hub.close();
        hub = new RelayHub(
                settings(188 * 64, Duration.ofMillis(200), Duration.ofSeconds(10)), "tvarr-test", Clock.systemUTC());
        StreamSubscription slow = hub.subscribe(plan("/live/s.ts", 0), CLIENT);
        StreamSubscription fast = hub.subscribe(plan("/live/s.ts", 0), CLIENT);

        readAtLeast(fast, 188 * 64 * 4);

        assertThatThrownBy(() -> readAtLeast(slow, 188 * 64 * 4))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("behind");
        readAtLeast(fast, 188 * 64);
        fast.close();
        slow.close();
    }

    @Test
    void a_stalled_upstream_ends_the_session_with_a_clear_error() {
        hub.close();
        hub = new RelayHub(
                settings(8 * 1024 * 1024, Duration.ofMillis(200), Duration.ofSeconds(1)),
                "tvarr-test",
                Clock.systemUTC());
        StreamSubscription client = hub.subscribe(plan("/live/stall.ts", 0), CLIENT);
        readAtLeast(client, 188 * 100);

        assertThatThrownBy(() -> readAtLeast(client, 188 * 200))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("stalled");
    }

    @Test
    void hls_upstreams_are_refused_with_the_reason() {
        StreamSubscription client = hub.subscribe(plan("/hls/index", 0), CLIENT);

        assertThatThrownBy(() -> client.read(new byte[100]))
                .isInstanceOf(RefusedUpstreamException.class)
                .hasMessageContaining("HLS");
    }

    private static final SourceId SECOND_ACCOUNT = SourceId.random();

    private StreamPlan otherAccount(String path, int sourceLimit) {
        StreamPlan plan = plan(path, sourceLimit);
        return new StreamPlan(
                plan.channel(),
                plan.channelName(),
                SECOND_ACCOUNT,
                "Provider (second account)",
                plan.upstreamUrl(),
                plan.headers(),
                sourceLimit,
                null);
    }

    private static FailoverStreams streams(StreamPlan... plans) {
        return new FailoverStreams(List.of(plans));
    }

    @Nested
    class Failover {
        @Test
        void a_full_account_means_the_next_account() {
            StreamSubscription other = hub.subscribe(plan("/live/busy.ts", 1), CLIENT);
            readAtLeast(other, 188);

            StreamSubscription client = hub.subscribe(
                    streams(plan("/live/f1.ts", 1, ChannelId.of(SOURCE, "f")), otherAccount("/live/f2.ts", 1)), CLIENT);

            readAtLeast(client, 188 * 10);
            assertThat(hub.sessions())
                    .filteredOn(
                            s -> s.channelId().equals(ChannelId.of(SOURCE, "f").toString()))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.streamIndex()).isEqualTo(1);
                        assertThat(s.sourceId()).isEqualTo(SECOND_ACCOUNT.toString());
                    });
            client.close();
            other.close();
        }

        @Test
        void every_account_full_is_a_refusal_naming_each() {
            StreamSubscription first = hub.subscribe(plan("/live/x.ts", 1), CLIENT);
            StreamSubscription second = hub.subscribe(otherAccount("/live/y.ts", 1), CLIENT);

            assertThatThrownBy(
                            () -> hub.subscribe(streams(plan("/live/z.ts", 1), otherAccount("/live/z2.ts", 1)), CLIENT))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("stream 0: source 'Provider'")
                    .hasMessageContaining("stream 1: source 'Provider (second account)'");
            first.close();
            second.close();
        }

        @Test
        void an_upstream_dropping_mid_stream_hands_the_same_client_to_the_next_stream() {
            StreamSubscription client =
                    hub.subscribe(streams(plan("/dies/1.ts", 0), otherAccount("/live/backup.ts", 0)), CLIENT);

            readAtLeast(client, 188 * 1000);

            assertThat(hub.sessions()).singleElement().satisfies(s -> {
                assertThat(s.streamIndex()).isEqualTo(1);
                assertThat(s.streamCount()).isEqualTo(2);
                assertThat(s.switches()).singleElement().satisfies(change -> {
                    assertThat(change.from()).isZero();
                    assertThat(change.to()).isEqualTo(1);
                    assertThat(change.reason()).isNotBlank();
                });
            });
            client.close();
        }

        @Test
        void an_http_error_before_any_byte_moves_on_to_the_next_stream() {
            StreamSubscription client =
                    hub.subscribe(streams(plan("/broken/1.ts", 0), otherAccount("/live/b2.ts", 0)), CLIENT);

            readAtLeast(client, 188 * 100);

            assertThat(hub.sessions())
                    .singleElement()
                    .satisfies(s -> assertThat(s.switches().get(0).reason()).contains("http 500"));
            client.close();
        }

        @Test
        void a_stalled_upstream_moves_on_to_the_next_stream() {
            hub.close();
            hub = new RelayHub(
                    settings(8 * 1024 * 1024, Duration.ofMillis(200), Duration.ofSeconds(1)),
                    "tvarr-test",
                    Clock.systemUTC());
            StreamSubscription client =
                    hub.subscribe(streams(plan("/live/stall2.ts", 0), otherAccount("/live/s2.ts", 0)), CLIENT);

            readAtLeast(client, 188 * 2000);

            assertThat(hub.sessions())
                    .singleElement()
                    .satisfies(s -> assertThat(s.switches().get(0).reason()).contains("stalled"));
            client.close();
        }

        @Test
        void the_last_stream_failing_ends_the_session_with_its_reason() {
            StreamSubscription client =
                    hub.subscribe(streams(plan("/broken/a.ts", 0), otherAccount("/broken/b.ts", 0)), CLIENT);

            assertThatThrownBy(() -> readAtLeast(client, 188))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("http 500");
            assertThat(connections).hasValue(2);
        }

        @Test
        void when_the_later_streams_fail_the_session_goes_back_to_an_earlier_one() {
            StreamSubscription client =
                    hub.subscribe(streams(plan("/flaky/1.ts", 0), otherAccount("/broken/2.ts", 0)), CLIENT);

            readAtLeast(client, 188 * 2000);

            assertThat(hub.sessions()).singleElement().satisfies(s -> {
                assertThat(s.streamIndex()).isZero();
                assertThat(s.switches())
                        .extracting(change -> change.from() + "->" + change.to())
                        .containsExactly("0->1", "1->0");
                assertThat(s.switches().get(1).reason()).contains("http 500");
            });
            client.close();
        }

        @Test
        void a_dead_channel_ends_without_retrying_what_failed_or_what_the_breaker_holds_off() {
            StreamSubscription client = hub.subscribe(
                    streams(plan("/broken/a.ts", 0), otherAccount("/broken/b.ts", 0), plan("/broken/c.ts", 0)), CLIENT);

            assertThatThrownBy(() -> readToTheEnd(client))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("b.ts: http 500")
                    .hasMessageContaining("circuit breaker open");
            // a and b failed (a is not tried again); the host's breaker, open after two failures, holds c off
            assertThat(connections).hasValue(2);
        }

        @Test
        void streams_that_keep_dying_right_after_starting_end_the_session_after_a_bounded_number_of_switches() {
            StreamSubscription client =
                    hub.subscribe(streams(plan("/cut/a.ts", 0), otherAccount("/cut/b.ts", 0)), CLIENT);

            assertThatThrownBy(() -> readToTheEnd(client))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("gave up after 6 streams in a row failed");
            assertThat(connections).hasValue(6);
        }

        @Test
        void a_stream_that_played_a_while_before_failing_starts_the_count_of_quick_failures_again()
                throws InterruptedException {
            hub.close();
            // every reading of the clock is a minute later, so each stream has played "long" when it is cut
            Clock slow = new Clock() {
                private final java.util.concurrent.atomic.AtomicLong minutes =
                        new java.util.concurrent.atomic.AtomicLong();

                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public java.time.Instant instant() {
                    return java.time.Instant.EPOCH.plus(Duration.ofMinutes(minutes.incrementAndGet()));
                }
            };
            hub = new RelayHub(
                    settings(8 * 1024 * 1024, Duration.ofMillis(200), Duration.ofSeconds(10)), "tvarr-test", slow);
            StreamSubscription client =
                    hub.subscribe(streams(plan("/cut/a.ts", 0), otherAccount("/cut/b.ts", 0)), CLIENT);

            Await.until(
                    () -> connections.get() > 6 * 2,
                    Duration.ofSeconds(5),
                    "the session kept switching past the bound for quick failures");

            assertThat(hub.sessions())
                    .singleElement()
                    .satisfies(s -> assertThat(s.state()).isNotEqualTo("failed"));
            client.close();
        }

        @Test
        void a_stream_a_recent_check_found_broken_is_passed_over_for_the_next() {
            StreamPlan own = plan("/live/own.ts", 0);
            StreamPlan backup = otherAccount("/live/backup2.ts", 0);

            StreamSubscription client =
                    hub.subscribe(new FailoverStreams(List.of(own, backup), Set.of(own.channel())), CLIENT);

            readAtLeast(client, 188 * 10);
            assertThat(hub.sessions()).singleElement().satisfies(s -> {
                assertThat(s.streamIndex()).isEqualTo(1);
                assertThat(s.channelId()).isEqualTo(own.channel().toString());
            });
            client.close();
        }

        @Test
        void a_stream_found_broken_is_still_opened_when_nothing_else_is_left() {
            StreamSubscription busy = hub.subscribe(otherAccount("/live/busy2.ts", 1), CLIENT);
            readAtLeast(busy, 188);
            StreamPlan own = plan("/live/own2.ts", 0, ChannelId.of(SOURCE, "own2"));

            StreamSubscription client = hub.subscribe(
                    new FailoverStreams(List.of(own, otherAccount("/live/full.ts", 1)), Set.of(own.channel())), CLIENT);

            readAtLeast(client, 188 * 10);
            assertThat(hub.sessions())
                    .filteredOn(s -> s.channelId().equals(own.channel().toString()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.streamIndex()).isZero());
            client.close();
            busy.close();
        }
    }

    @Nested
    class Connection_slots {
        @Test
        void a_slot_counts_against_the_sources_limit_until_closed() {
            StreamPlan checked = plan("/live/checked.ts", 1);

            Optional<ConnectionSlot> slot = hub.tryTake(checked);

            assertThat(slot).isPresent();
            assertThat(hub.sourceUse()).containsEntry(SOURCE.toString(), 1);
            assertThatThrownBy(() -> hub.subscribe(plan("/live/other.ts", 1), CLIENT))
                    .isInstanceOf(UnavailableException.class);
            slot.get().close();
            slot.get().close();
            assertThat(hub.sourceUse()).doesNotContainKey(SOURCE.toString());
        }

        @Test
        void a_source_with_its_one_connection_in_use_gives_no_slot() {
            StreamSubscription watching = hub.subscribe(plan("/live/watching.ts", 1), CLIENT);
            readAtLeast(watching, 188);

            assertThat(hub.tryTake(plan("/live/checked2.ts", 1))).isEmpty();
            assertThat(hub.sourceUse()).containsEntry(SOURCE.toString(), 1);
            watching.close();
        }

        @Test
        void a_slots_lease_lost_to_another_instance_does_not_end_a_viewers_session() {
            InMemoryConnectionLeases leases = new InMemoryConnectionLeases();
            SharedConnectionLimits shared =
                    new SharedConnectionLimits(leases, "a", Duration.ofSeconds(60), Clock.systemUTC());
            try (RelayHub sharing = new RelayHub(
                    settings(8 * 1024 * 1024, Duration.ofMillis(200), Duration.ofSeconds(10)),
                    "tvarr-test",
                    Clock.systemUTC(),
                    null,
                    null,
                    null,
                    shared)) {
                StreamSubscription watching = sharing.subscribe(plan("/live/watched.ts", 2), CLIENT);
                readAtLeast(watching, 188);
                ConnectionSlot checking =
                        sharing.tryTake(plan("/live/checked3.ts", 2)).orElseThrow();
                // another instance takes the health check's slot over; the viewer's stays this instance's
                for (int i = 0; i < leases.rows.size(); i++) {
                    ConnectionLease lease = leases.rows.get(i);
                    if (lease.slot() == 1) {
                        leases.rows.set(
                                i,
                                new ConnectionLease(
                                        lease.key(),
                                        1,
                                        "b",
                                        "taken-over",
                                        lease.detail(),
                                        Instant.now().plusSeconds(600)));
                    }
                }

                shared.heartbeat();

                assertThat(readAtLeast(watching, 188 * 2000)).hasSizeGreaterThanOrEqualTo(188 * 2000);
                assertThat(sharing.sessions()).hasSize(1);
                checking.close();
                watching.close();
            }
        }

        @Test
        void a_slot_carries_the_servers_user_agent_when_the_plan_names_none() {
            StreamPlan bare = new StreamPlan(
                    ChannelId.of(SOURCE, "bare"),
                    "Bare",
                    SOURCE,
                    "Provider",
                    "http://127.0.0.1:" + upstream.getAddress().getPort() + "/live/bare.ts",
                    Map.of(),
                    0,
                    null);

            try (ConnectionSlot slot = hub.tryTake(bare).orElseThrow()) {
                assertThat(slot.plan().headers()).containsEntry("User-Agent", "tvarr-test");
            }
        }
    }
}
