package io.tvarr.relay.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.InMemoryConnectionLeases;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.source.SourceId;
import io.tvarr.relay.RelaySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Files relayed request by request, against a local panel that honours byte ranges and one that ignores them. */
class FileRelayTest {
    private static final SourceId SOURCE = SourceId.random();
    private static final byte[] FILE = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final List<@Nullable String> ranges = new CopyOnWriteArrayList<>();
    private HttpServer panel;
    private RelayHub hub;

    @BeforeEach
    void start() throws IOException {
        panel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        panel.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        panel.createContext("/ranged/", this::ranged);
        panel.createContext("/whole/", exchange -> {
            ranges.add(exchange.getRequestHeaders().getFirst("Range"));
            send(exchange, 200, Map.of(), FILE);
        });
        panel.createContext("/gone/", exchange -> send(exchange, 404, Map.of(), new byte[0]));
        panel.start();
        hub = new RelayHub(RelaySettings.DEFAULT, "tvarr-test", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hub.close();
        panel.stop(0);
    }

    @Nested
    class An_upstream_that_honours_ranges {
        @Test
        void gets_the_players_range_and_its_206_answer_comes_back() throws IOException {
            try (RelayedFile part = hub.fetch(plan("/ranged/1.mp4", "one", 1), new FileRequest("bytes=10-", false))) {
                assertThat(part.status()).isEqualTo(206);
                assertThat(part.headers())
                        .containsEntry("Content-Range", "bytes 10-19/20")
                        .containsEntry("Content-Length", "10")
                        .containsEntry("Accept-Ranges", "bytes");
                assertThat(part.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(FILE, 10, 20));
            }
            assertThat(ranges).containsExactly("bytes=10-");
        }

        @Test
        void answers_a_head_request_with_the_headers_and_no_bytes() throws IOException {
            try (RelayedFile head = hub.fetch(plan("/ranged/1.mp4", "one", 1), new FileRequest(null, true))) {
                assertThat(head.status()).isEqualTo(200);
                assertThat(head.headers())
                        .containsEntry("Content-Length", "20")
                        .containsEntry("Accept-Ranges", "bytes");
                assertThat(head.body().readAllBytes()).isEmpty();
            }
        }

        @Test
        void passes_a_416_on_for_a_range_past_the_end() {
            try (RelayedFile past = hub.fetch(plan("/ranged/1.mp4", "one", 1), new FileRequest("bytes=50-", false))) {
                assertThat(past.status()).isEqualTo(416);
                assertThat(past.headers()).containsEntry("Content-Range", "bytes */20");
            }
        }

        @Test
        void drops_a_range_that_is_not_of_bytes_and_sends_the_whole_file() throws IOException {
            try (RelayedFile whole = hub.fetch(plan("/ranged/1.mp4", "one", 1), new FileRequest("items=1-2", false))) {
                assertThat(whole.status()).isEqualTo(200);
                assertThat(whole.body().readAllBytes()).isEqualTo(FILE);
            }
            assertThat(ranges).containsExactly((String) null);
        }
    }

    @Test
    void an_upstream_that_ignores_ranges_answers_200_with_the_whole_file_as_it_is() throws IOException {
        try (RelayedFile whole = hub.fetch(plan("/whole/1.mp4", "one", 1), new FileRequest("bytes=10-", false))) {
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.headers()).containsEntry("Content-Length", "20").doesNotContainKey("Content-Range");
            assertThat(whole.body().readAllBytes()).isEqualTo(FILE);
        }
    }

    @Nested
    class Connection_limits {
        @Test
        void overlapping_requests_with_one_key_hold_one_provider_connection_until_the_last_closes() {
            RelayedFile first = hub.fetch(plan("/ranged/1.mp4", "alice-film", 1), new FileRequest("bytes=0-", false));
            RelayedFile second = hub.fetch(plan("/ranged/1.mp4", "alice-film", 1), new FileRequest("bytes=10-", false));

            assertThat(hub.sourceUse()).containsEntry(SOURCE.toString(), 1);
            assertThatThrownBy(() -> hub.fetch(plan("/ranged/2.mp4", "bob-film", 1), FileRequest.whole()))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("1 allowed connection(s)");
            first.close();
            assertThat(hub.sourceUse()).containsEntry(SOURCE.toString(), 1);
            second.close();
            assertThat(hub.sourceUse()).isEmpty();
        }

        @Test
        void a_failed_request_gives_its_connection_back() {
            assertThatThrownBy(() -> hub.fetch(plan("/gone/1.mp4", "one", 1), FileRequest.whole()))
                    .isInstanceOf(RefusedUpstreamException.class)
                    .hasMessageEndingWith("http 404");

            assertThat(hub.sourceUse()).isEmpty();
        }
    }

    /** A film streamed to a player when this instance's lease on the provider's one connection goes to another. */
    @Nested
    class A_lease_lost_to_another_instance {
        private final InMemoryConnectionLeases leases = new InMemoryConnectionLeases();
        private final SharedConnectionLimits shared =
                new SharedConnectionLimits(leases, "a", Duration.ofSeconds(60), Clock.systemUTC());
        private RelayHub sharing;

        @BeforeEach
        void hub_on_a_shared_database() {
            panel.createContext("/endless/", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (exchange;
                        OutputStream out = exchange.getResponseBody()) {
                    while (true) {
                        out.write(new byte[64 * 1024]);
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                } catch (IOException e) {
                    // the relay hung up
                }
            });
            sharing = new RelayHub(RelaySettings.DEFAULT, "tvarr-test", Clock.systemUTC(), null, null, null, shared);
        }

        @AfterEach
        void close_it() {
            sharing.close();
        }

        @Test
        void ends_the_film_and_gives_up_its_connection() throws IOException {
            try (RelayedFile film = sharing.fetch(plan("/endless/1.mp4", "alice-film", 1), FileRequest.whole())) {
                assertThat(film.body().readNBytes(1024)).hasSize(1024);
                leases.takeOver("a", "b", Instant.now().plusSeconds(600));

                shared.heartbeat();

                assertThatThrownBy(() -> {
                            byte[] buffer = new byte[64 * 1024];
                            for (long read = 0; read < 1L << 30; ) {
                                int n = film.body().read(buffer);
                                if (n < 0) {
                                    throw new IOException("ended");
                                }
                                read += n;
                            }
                        })
                        .as("the film's transfer ends instead of holding a connection another instance holds now")
                        .isInstanceOf(IOException.class);
            }
            assertThat(sharing.sourceUse()).isEmpty();
            assertThat(leases.rows).extracting(l -> l.instance()).containsExactly("b");
        }
    }

    private StreamPlan plan(String path, String key, int sourceLimit) {
        return new StreamPlan(
                new ChannelId(java.util.UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))),
                "Film",
                SOURCE,
                "Panel",
                "http://127.0.0.1:" + panel.getAddress().getPort() + path,
                Map.of(),
                sourceLimit,
                null);
    }

    private void ranged(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range);
        if (range == null) {
            send(exchange, 200, Map.of("Accept-Ranges", "bytes"), FILE);
            return;
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= FILE.length) {
            send(exchange, 416, Map.of("Content-Range", "bytes */" + FILE.length), new byte[0]);
            return;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2).isEmpty() ? FILE.length - 1 : Math.min(FILE.length - 1, Integer.parseInt(m.group(2)));
        send(
                exchange,
                206,
                Map.of("Accept-Ranges", "bytes", "Content-Range", "bytes " + from + "-" + to + "/" + FILE.length),
                Arrays.copyOfRange(FILE, from, to + 1));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (exchange;
                OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
