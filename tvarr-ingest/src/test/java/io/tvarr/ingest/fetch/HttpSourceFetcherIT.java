package io.tvarr.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSourceFetcherIT {
    @TempDir
    Path allowed;

    private final LocalHttp http = new LocalHttp();

    private HttpSourceFetcher fetcher() {
        return new HttpSourceFetcher(new FetchSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                3,
                "tvarr-test",
                List.of(allowed),
                2,
                Duration.ofMillis(10)));
    }

    private String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes());
        }
    }

    /** Released before the server stops, so a stalling handler never outlives the test. */
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        http.close();
    }

    private HttpSourceFetcher fetcher(Duration readTimeout, Duration deadline) {
        return new HttpSourceFetcher(new FetchSettings(
                Duration.ofSeconds(2),
                readTimeout,
                3,
                "tvarr-test",
                List.of(allowed),
                0,
                Duration.ofMillis(10),
                deadline));
    }

    /** Sends the headers and the first bytes of a large body, then nothing until released. */
    private void stallMidBody(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(200, 1_000_000);
        java.io.OutputStream out = ex.getResponseBody();
        out.write("#EXTM3U\n".getBytes());
        out.flush();
        await(Duration.ofSeconds(30));
    }

    private void await(Duration most) {
        try {
            release.await(most.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Nested
    class Stalling_upstreams {
        /** A cold JVM may need most of a second for its first request; the limits below are tighter. */
        @org.junit.jupiter.api.BeforeEach
        void warm_up() throws IOException {
            http.on("/warm", ex -> LocalHttp.send(ex, 200, "ok"));
            read(fetcher().open(http.uri("/warm"), null, 100));
        }

        @Test
        void a_body_that_stalls_fails_after_the_read_timeout() {
            http.on("/stall.m3u", HttpSourceFetcherIT.this::stallMidBody);
            HttpSourceFetcher fetcher = fetcher(Duration.ofMillis(300), Duration.ofMinutes(1));

            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThatThrownBy(() -> read(fetcher.open(http.uri("/stall.m3u"), null, 10_000_000)))
                            .isInstanceOf(UpstreamException.class)
                            .hasMessageContaining("/stall.m3u")
                            .hasMessageContaining("no data for 0.3 s"));
        }

        @Test
        void a_body_that_trickles_fails_at_the_deadline() {
            http.on("/trickle.m3u", ex -> {
                ex.sendResponseHeaders(200, 1_000_000);
                java.io.OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 300 && release.getCount() > 0; i++) {
                    out.write('#');
                    out.flush();
                    await(Duration.ofMillis(50));
                }
            });
            HttpSourceFetcher fetcher = fetcher(Duration.ofSeconds(1), Duration.ofMillis(800));

            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThatThrownBy(() -> read(fetcher.open(http.uri("/trickle.m3u"), null, 10_000_000)))
                            .isInstanceOf(UpstreamException.class)
                            .hasMessageContaining("not complete within 0.8 s"));
        }
    }

    @Nested
    class Over_http {
        @Test
        void retries_a_503_then_succeeds_and_sends_the_user_agent() throws IOException {
            AtomicInteger calls = new AtomicInteger();
            http.on("/list.m3u", ex -> {
                if (calls.incrementAndGet() == 1) {
                    LocalHttp.send(ex, 503, "busy");
                } else {
                    LocalHttp.send(ex, 200, ex.getRequestHeaders().getFirst("User-Agent"));
                }
            });

            assertThat(read(fetcher().open(http.uri("/list.m3u"), "Kodi/20", 1000)))
                    .isEqualTo("Kodi/20");
            assertThat(calls).hasValue(2);
        }

        @Test
        void a_404_is_not_retried_and_names_the_status_without_credentials() {
            http.on("/get.php", ex -> LocalHttp.send(ex, 404, "no"));

            assertThatThrownBy(() -> fetcher().open(http.uri("/get.php?username=bob&password=hunter2"), null, 1000))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("http 404")
                    .hasMessageNotContaining("hunter2");
            assertThat(http.requests).hasSize(1);
        }

        @Test
        void redirects_are_followed_but_bounded() {
            http.on("/loop", ex -> {
                ex.getResponseHeaders().add("Location", "/loop");
                LocalHttp.send(ex, 302, "");
            });
            http.on("/start", ex -> {
                ex.getResponseHeaders().add("Location", "/final");
                LocalHttp.send(ex, 301, "");
            });
            http.on("/final", ex -> LocalHttp.send(ex, 200, "done"));

            assertThatThrownBy(() -> fetcher().open(http.uri("/loop"), null, 1000))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("more than 3 redirects");
            assertThat(http.requests.stream().filter(r -> r.contains("/loop"))).hasSize(4);
        }

        @Test
        void a_body_over_the_limit_fails_while_reading() {
            http.on("/big", ex -> LocalHttp.send(ex, 200, "x".repeat(5000)));

            assertThatThrownBy(() -> read(fetcher().open(http.uri("/big"), null, 1000)))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("larger than the limit of 1000 bytes");
        }
    }

    @Nested
    class From_files {
        @Test
        void files_inside_the_allowed_directories_are_read() throws IOException {
            Path file = Files.writeString(allowed.resolve("list.m3u"), "#EXTM3U");

            assertThat(read(fetcher().open(file.toUri(), null, 1000))).isEqualTo("#EXTM3U");
        }

        @Test
        void files_elsewhere_are_refused_even_through_dot_dot(@TempDir Path elsewhere) throws IOException {
            Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "x");
            Path sneaky = allowed.resolve("..").resolve(elsewhere.getFileName()).resolve("secret.txt");

            assertThatThrownBy(() -> fetcher().open(sneaky.toUri(), null, 1000))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("outside the allowed directories");
        }

        @Test
        void other_schemes_are_refused() {
            assertThatThrownBy(() -> fetcher().open(java.net.URI.create("ftp://x.example/a"), null, 1000))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("expected: an http, https or file URL");
        }
    }
}
