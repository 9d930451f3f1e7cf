package io.tvarr.ingest.logo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.logo.FetchedLogo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLogoFetcherTest {
    private HttpServer server;
    private final HttpLogoFetcher fetcher =
            new HttpLogoFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2), "tvarr-test");

    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stall.png", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 10_000);
                OutputStream out = exchange.getResponseBody();
                out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                out.flush();
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/logo.png", exchange -> {
            try (exchange) {
                if ("\"abc\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().add("ETag", "\"abc\"");
                byte[] body = {1, 2, 3, 4};
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.createContext("/huge.png", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(new byte[5000]);
                }
            }
        });
        server.createContext("/gone.png", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void downloads_with_validators_and_honours_not_modified() {
        FetchedLogo first = fetcher.fetch(url("/logo.png"), null, null, 1024);
        FetchedLogo again = fetcher.fetch(url("/logo.png"), "\"abc\"", null, 1024);

        assertThat(first.bytes()).containsExactly(1, 2, 3, 4);
        assertThat(first.etag()).isEqualTo("\"abc\"");
        assertThat(again.notModified()).isTrue();
    }

    @Test
    void refuses_bodies_over_the_limit_even_without_a_length() {
        assertThatThrownBy(() -> fetcher.fetch(url("/huge.png"), null, null, 1024))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void names_the_url_and_status_when_the_server_refuses() {
        assertThatThrownBy(() -> fetcher.fetch(url("/gone.png"), null, null, 1024))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("/gone.png")
                .hasMessageContaining("http 404");
    }

    @Test
    void only_http_urls_are_fetched() {
        assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd", null, null, 1024))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("expected: an http or https URL");
        assertThatThrownBy(() -> fetcher.fetch("not a url", null, null, 1024)).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_body_that_stalls_fails_within_the_logo_timeout() {
        HttpLogoFetcher quick = new HttpLogoFetcher(Duration.ofSeconds(2), Duration.ofSeconds(1), "tvarr-test");
        fetcher.fetch(url("/logo.png"), null, null, 1024); // a cold JVM may need a second for its first request

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(4),
                () -> assertThatThrownBy(() -> quick.fetch(url("/stall.png"), null, null, 100_000))
                        .isInstanceOf(UpstreamException.class)
                        .hasMessageContaining("/stall.png")
                        .hasMessageContaining("not complete within 1 s"));
    }
}
