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

    @AfterEach
    void stop() {
        http.close();
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
