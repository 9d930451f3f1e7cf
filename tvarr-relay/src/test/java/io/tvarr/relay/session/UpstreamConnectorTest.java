package io.tvarr.relay.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.source.SourceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The relay's upstream requests over Apache's classic client, the answers a provider may give. */
class UpstreamConnectorTest {
    private static final SourceId SOURCE = SourceId.random();
    private static final byte[] BODY = pattern(1_000_003);

    private HttpServer upstream;
    private final AtomicReference<com.sun.net.httpserver.Headers> seen = new AtomicReference<>();
    private final UpstreamConnector connector = new UpstreamConnector(Duration.ofSeconds(2), Duration.ofSeconds(1));

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        upstream.createContext("/chunked/", exchange -> {
            seen.set(exchange.getRequestHeaders());
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                // uneven writes, so chunks of many sizes reach the reader
                for (int at = 0, step = 1; at < BODY.length; at += step, step = step * 7 % 65_537 + 1) {
                    out.write(BODY, at, Math.min(step, BODY.length - at));
                }
            }
        });
        upstream.createContext("/sized/", exchange -> {
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, BODY.length);
                out.write(BODY);
            }
        });
        upstream.createContext("/moved/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Location", "../chunked/1.ts");
                exchange.sendResponseHeaders(302, -1);
            }
        });
        upstream.createContext("/elsewhere/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Location", "ftp://127.0.0.1/1.ts");
                exchange.sendResponseHeaders(302, -1);
            }
        });
        upstream.createContext("/loop/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                int hop = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                exchange.getResponseHeaders().add("Location", "/loop/" + (hop + 1));
                exchange.sendResponseHeaders(302, -1);
            }
        });
        upstream.createContext("/missing/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        upstream.createContext("/busy/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(503, -1);
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        upstream.stop(0);
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 9));
        }
        return bytes;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + upstream.getAddress().getPort() + path;
    }

    private static StreamPlan plan(String url, Map<String, String> headers) {
        return new StreamPlan(ChannelId.of(SOURCE, "1"), "Channel", SOURCE, "Provider", url, headers, 0, null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[100_000];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
            return all.toByteArray();
        }
    }

    @Nested
    class Bodies {
        @Test
        void a_chunked_body_arrives_byte_for_byte() throws Exception {
            byte[] body = readAll(connector.open(plan(url("/chunked/1.ts"), Map.of())));

            assertThat(body).isEqualTo(BODY);
        }

        @Test
        void a_body_of_announced_length_ends_at_that_length() throws Exception {
            byte[] body = readAll(connector.open(plan(url("/sized/1.ts"), Map.of())));

            assertThat(body).isEqualTo(BODY);
        }

        @Test
        void a_body_without_length_ends_when_the_upstream_closes() throws Exception {
            try (RawUpstream raw = new RawUpstream("HTTP/1.0 200 OK\r\nContent-Type: video/mp2t\r\n\r\nsome bytes")) {
                byte[] body = readAll(connector.open(plan(raw.url(), Map.of())));

                assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("some bytes");
            }
        }

        @Test
        void chunk_extensions_and_trailers_are_skipped() throws Exception {
            try (RawUpstream raw = new RawUpstream(
                    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n4;name=value\r\nabcd\r\n2\r\nef\r\n0\r\nX-Trailer: y\r\n\r\n")) {
                byte[] body = readAll(connector.open(plan(raw.url(), Map.of())));

                assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("abcdef");
            }
        }

        @Test
        void a_chunk_is_handed_over_without_waiting_for_the_next_one() throws Exception {
            try (RawUpstream raw = new RawUpstream(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n2\r\nef\r\n", true)) {
                InputStream in = connector.open(plan(raw.url(), Map.of()));
                byte[] buffer = new byte[100];

                // the upstream then says nothing more: the bytes it did send must not wait for the next chunk
                int n = assertTimeoutPreemptively(Duration.ofSeconds(4), () -> in.readNBytes(buffer, 0, 6));

                assertThat(new String(buffer, 0, n, StandardCharsets.US_ASCII)).isEqualTo("abcdef");
                in.close();
            }
        }

        @Test
        void small_chunks_already_received_are_handed_over_in_one_read() throws Exception {
            StringBuilder answer = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 100; i++) {
                answer.append("64\r\n")
                        .append(String.valueOf((char) ('a' + i % 26)).repeat(100))
                        .append("\r\n");
            }
            try (RawUpstream raw = new RawUpstream(answer.toString(), true)) {
                InputStream in = connector.open(plan(raw.url(), Map.of()));

                // a read per chunk would cost the relay a pass through the ring and every client per chunk
                int n = assertTimeoutPreemptively(Duration.ofSeconds(4), () -> in.read(new byte[100_000]));

                assertThat(n).isEqualTo(100 * 100);
                in.close();
            }
        }

        @Test
        void a_connection_dropped_inside_a_chunk_is_a_failure_not_an_end() throws Exception {
            try (RawUpstream raw = new RawUpstream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc")) {
                InputStream in = connector.open(plan(raw.url(), Map.of()));

                assertThatThrownBy(() -> readAll(in)).isInstanceOf(IOException.class);
            }
        }
    }

    @Nested
    class Tls {
        @Test
        void an_https_upstream_is_read_byte_for_byte_with_its_certificate_checked(
                @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path keys = dir.resolve("upstream.p12");
            Process keytool = new ProcessBuilder(
                            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "upstream",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-dname",
                            "CN=127.0.0.1",
                            "-ext",
                            "san=ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keys.toString(),
                            "-storepass",
                            "secret")
                    .redirectErrorStream(true)
                    .start();
            keytool.getInputStream().readAllBytes();
            assertThat(keytool.waitFor()).isZero();
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(keys)) {
                store.load(in, "secret".toCharArray());
            }
            javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
            keyManagers.init(store, "secret".toCharArray());
            javax.net.ssl.SSLContext serverTls = javax.net.ssl.SSLContext.getInstance("TLS");
            serverTls.init(keyManagers.getKeyManagers(), null, null);
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
            trust.init(store);
            javax.net.ssl.SSLContext clientTls = javax.net.ssl.SSLContext.getInstance("TLS");
            clientTls.init(null, trust.getTrustManagers(), null);
            com.sun.net.httpserver.HttpsServer https =
                    com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(serverTls));
            https.createContext("/", exchange -> {
                try (exchange;
                        OutputStream out = exchange.getResponseBody()) {
                    exchange.sendResponseHeaders(200, 0);
                    out.write(BODY);
                }
            });
            https.start();
            try {
                String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/tls/1.ts";

                byte[] body = readAll(new UpstreamConnector(Duration.ofSeconds(2), Duration.ofSeconds(5), clientTls)
                        .open(plan(url, Map.of())));

                assertThat(body).isEqualTo(BODY);
                // the JVM's default trust does not know this certificate: the check is on, not skipped
                assertThatThrownBy(() -> connector.open(plan(url, Map.of()))).isInstanceOf(UpstreamException.class);
            } finally {
                https.stop(0);
            }
        }
    }

    @Nested
    class Requests {
        @Test
        void the_plans_headers_are_sent() throws Exception {
            readAll(connector.open(
                    plan(url("/chunked/1.ts"), Map.of("User-Agent", "VLC/3.0", "X-Token", "secret-token"))));

            assertThat(seen.get().getFirst("User-Agent")).isEqualTo("VLC/3.0");
            assertThat(seen.get().getFirst("X-Token")).isEqualTo("secret-token");
            assertThat(seen.get().getFirst("Host"))
                    .isEqualTo("127.0.0.1:" + upstream.getAddress().getPort());
        }

        @Test
        void a_header_value_with_a_line_break_is_refused_naming_the_header() {
            assertThatThrownBy(() -> connector.open(plan(url("/chunked/1.ts"), Map.of("X-Token", "a\r\nX-Evil: 1"))))
                    .isInstanceOf(RefusedUpstreamException.class)
                    .hasMessageContaining("X-Token")
                    .hasMessageContaining("line break");
        }

        @Test
        void a_redirect_is_followed_to_the_stream() throws Exception {
            byte[] body = readAll(connector.open(plan(url("/moved/1.ts"), Map.of())));

            assertThat(body).isEqualTo(BODY);
        }

        @Test
        void a_redirect_is_followed_with_the_plans_headers() throws Exception {
            readAll(connector.open(plan(url("/moved/1.ts"), Map.of("User-Agent", "VLC/3.0", "X-Token", "t"))));

            assertThat(seen.get().getFirst("User-Agent")).isEqualTo("VLC/3.0");
            assertThat(seen.get().getFirst("X-Token")).isEqualTo("t");
        }

        @Test
        void a_redirect_to_another_scheme_is_refused() {
            assertThatThrownBy(() -> connector.open(plan(url("/elsewhere/1.ts"), Map.of())))
                    .isInstanceOf(RefusedUpstreamException.class)
                    .hasMessageContaining("scheme other than http(s)");
        }

        @Test
        void redirects_end_after_five() {
            assertThatThrownBy(() -> connector.open(plan(url("/loop/0"), Map.of())))
                    .isInstanceOf(UpstreamException.class)
                    .isNotInstanceOf(RefusedUpstreamException.class)
                    .hasMessageContaining("redirects");
        }

        @Test
        void the_body_is_not_compressed_nor_a_cookie_kept() throws Exception {
            readAll(connector.open(plan(url("/chunked/1.ts"), Map.of())));

            assertThat(seen.get().getFirst("Accept-Encoding")).isNull();
            assertThat(seen.get().getFirst("Accept")).isEqualTo("*/*");
        }
    }

    @Nested
    class Failures {
        @Test
        void a_client_error_is_a_refusal_naming_the_status() {
            assertThatThrownBy(() -> connector.open(plan(url("/missing/1.ts"), Map.of())))
                    .isInstanceOf(RefusedUpstreamException.class)
                    .hasMessageEndingWith("http 404");
        }

        @Test
        void a_server_error_is_an_upstream_failure_naming_the_status() {
            assertThatThrownBy(() -> connector.open(plan(url("/busy/1.ts"), Map.of())))
                    .isInstanceOf(UpstreamException.class)
                    .isNotInstanceOf(RefusedUpstreamException.class)
                    .hasMessageEndingWith("http 503");
        }

        @Test
        void an_upstream_that_never_answers_fails_after_the_answer_timeout() throws Exception {
            try (RawUpstream silent = new RawUpstream(null)) {
                assertThatThrownBy(() -> connector.open(plan(silent.url(), Map.of())))
                        .isInstanceOf(UpstreamException.class)
                        .hasMessageContaining("no answer within 1 s");
            }
        }

        @Test
        void an_interrupted_wait_for_the_answer_ends_at_once_not_at_the_timeout() throws Exception {
            UpstreamConnector patient = new UpstreamConnector(Duration.ofSeconds(2), Duration.ofSeconds(60));
            try (RawUpstream silent = new RawUpstream(null)) {
                AtomicReference<Throwable> outcome = new AtomicReference<>();
                Thread opener = new Thread(() -> {
                    try {
                        patient.open(plan(silent.url(), Map.of())).close();
                    } catch (Throwable e) {
                        outcome.set(e);
                    }
                });
                opener.start();
                Thread.sleep(300);

                // a stopped session interrupts its reader, which must not sit out the 60 s answer timeout
                opener.interrupt();
                opener.join(10_000);

                assertThat(opener.isAlive()).as("still waiting for the answer").isFalse();
                assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
            }
        }

        @Test
        void closing_the_body_from_another_thread_ends_a_waiting_read_and_drops_the_connection() throws Exception {
            try (RawUpstream raw =
                    new RawUpstream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n", true)) {
                InputStream in = connector.open(plan(raw.url(), Map.of()));
                assertThat(in.readNBytes(4)).hasSize(4);
                Thread closer = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                        in.close();
                    } catch (IOException | InterruptedException e) {
                        // the read below reports it
                    }
                });
                closer.start();

                // the upstream says nothing more: only closing can end this read, not the rest of an endless body
                assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> in.read(new byte[100])))
                        .isInstanceOf(IOException.class);
                assertThat(raw.closedByClient()).as("connection dropped").isTrue();
            }
        }

        @Test
        void a_refused_connection_names_the_upstream_with_credentials_masked() throws Exception {
            int port;
            try (ServerSocket closed = new ServerSocket(0)) {
                port = closed.getLocalPort();
            }
            assertThatThrownBy(() ->
                            connector.open(plan("http://127.0.0.1:" + port + "/live/alice/s3cret/1.ts", Map.of())))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageNotContaining("s3cret")
                    .hasMessageContaining("refused");
        }

        @Test
        void an_answer_that_is_not_http_is_a_failure() throws Exception {
            try (RawUpstream raw = new RawUpstream("SSH-2.0-OpenSSH\r\n\r\n")) {
                assertThatThrownBy(() -> connector.open(plan(raw.url(), Map.of())))
                        .isInstanceOf(UpstreamException.class)
                        .hasMessageContaining("not an HTTP/1 answer");
            }
        }
    }

    /** A one-connection server writing a fixed answer and closing, or (null) accepting and saying nothing. */
    private static final class RawUpstream implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        private final Thread thread;
        private volatile boolean closedByClient;

        RawUpstream(String answer) throws IOException {
            this(answer, false);
        }

        /** @param holdOpen whether the connection stays open, silent, after the answer */
        RawUpstream(String answer, boolean holdOpen) throws IOException {
            thread = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    if (answer == null) {
                        Thread.sleep(5_000);
                        return;
                    }
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    if (holdOpen) {
                        socket.setSoTimeout(10_000);
                        // the client's dropping the connection (a FIN, or a reset) ends this read at once
                        try {
                            closedByClient = socket.getInputStream().read() < 0;
                        } catch (java.net.SocketTimeoutException e) {
                            closedByClient = false;
                        } catch (IOException e) {
                            closedByClient = true;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        /** Whether the client closed a held-open connection (waits up to 2 s for it). */
        boolean closedByClient() throws InterruptedException {
            thread.join(2_000);
            return closedByClient;
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/raw/1.ts";
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            server.close();
        }
    }
}
