package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.ApiScope;
import io.tvarr.domain.admin.port.in.CreateApiKeyCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP calls against a running tvarr in tests. Every exchange under {@code /api/v1} is checked against the
 * OpenAPI document the same server serves ({@link ServedOpenApi}), so each API test also tests the document.
 */
final class ApiClient {
    private static final ObjectMapper STATUS = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final @Nullable String bearer;
    private @Nullable ServedOpenApi openApi;

    /** A client without credentials: admin routes answer it 401. */
    ApiClient(int port) {
        this(port, null);
    }

    /** A client with an admin-scoped API key made for it on the running tvarr. */
    ApiClient(TvarrApplication app) {
        this(
                app.port(),
                app.core()
                        .apiKeys()
                        .create(new CreateApiKeyCommand("tests", ApiScope.ADMIN), Actor.system("tests"))
                        .token());
    }

    ApiClient(int port, @Nullable String bearer) {
        this.port = port;
        this.bearer = bearer;
    }

    /** The {@code Authorization} header value this client sends, for tests that make their own requests. */
    String authorization() {
        if (bearer == null) {
            throw new IllegalStateException("this client has no credentials");
        }
        return "Bearer " + bearer;
    }

    /**
     * Connects to {@code /api/v1/events} and hands every line of the stream to {@code lines} on a reader thread of its own;
     * returns once the server has said it is connected.
     */
    void listenToEvents(java.util.function.Consumer<String> lines) throws InterruptedException {
        java.util.concurrent.BlockingQueue<Boolean> connected = new java.util.concurrent.LinkedBlockingQueue<>();
        HttpRequest request = request("/api/v1/events")
                // browsers' EventSource sends this; Javalin only streams to clients that ask
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        // Read on a thread of its own: a callback on sendAsync's future runs on the caller's thread when the
        // answer is already there, and then the caller would read the endless stream and never return.
        Thread reader = new Thread(
                () -> {
                    try (java.util.stream.Stream<String> stream = client.send(
                                    request, HttpResponse.BodyHandlers.ofLines())
                            .body()) {
                        stream.forEach(line -> {
                            if (line.startsWith(":")) {
                                connected.add(true);
                            } else {
                                lines.accept(line);
                            }
                        });
                    } catch (IOException | java.io.UncheckedIOException e) {
                        // the server went away at the end of the test
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "test-event-stream");
        reader.setDaemon(true);
        reader.start();
        if (connected.poll(10, java.util.concurrent.TimeUnit.SECONDS) == null) {
            throw new AssertionError("the event stream did not connect within 10 s");
        }
    }

    /** Refreshes the source at {@code path} ({@code /api/v1/sources/…/{id}}) and waits until it has succeeded. */
    void ingest(String path) throws IOException {
        assertThat(post(path + "/ingest", "").statusCode()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = STATUS.readTree(get(path + "/status").body());
            if (!status.get("state").asText().equals("ingesting")) {
                assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("succeeded");
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("ingestion of " + path + " did not finish");
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build(), null);
    }

    /** A GET with extra headers given as name, value, name, value… */
    HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            check(request, null, response, response.body());
            return response;
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    HttpResponse<String> post(String path, String json) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                json);
    }

    HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(
                request(path)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                null);
    }

    /** A PUT of a raw body such as an uploaded playlist. */
    HttpResponse<String> putBytes(String path, String contentType, byte[] body) {
        return send(
                request(path)
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                null);
    }

    /** A POST of a multipart/form-data body holding one file in the field {@code file}, as a browser sends it. */
    HttpResponse<String> postFile(String path, String fileName, byte[] content) {
        String boundary = "tvarr-test-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(
                request(path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofByteArray(head),
                                HttpRequest.BodyPublishers.ofByteArray(content),
                                HttpRequest.BodyPublishers.ofByteArray(tail)))
                        .build(),
                null);
    }

    /** A POST of a text body of another type than JSON (a YAML document), checked against the document too. */
    HttpResponse<String> postText(String path, String contentType, String text) {
        return send(
                request(path)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .build(),
                text);
    }

    HttpResponse<String> put(String path, String json) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                json);
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build(), null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private HttpResponse<String> send(HttpRequest request, @Nullable String body) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            check(request, body, response, response.body().getBytes(StandardCharsets.UTF_8));
            return response;
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void check(HttpRequest request, @Nullable String body, HttpResponse<?> response, byte[] responseBody)
            throws IOException, InterruptedException {
        if (!ServedOpenApi.covers(request.uri())) {
            return;
        }
        if (openApi == null) {
            HttpResponse<String> document =
                    client.send(request(ServedOpenApi.DOCUMENT).GET().build(), HttpResponse.BodyHandlers.ofString());
            openApi = new ServedOpenApi(document.body());
        }
        openApi.check(request, body, response.statusCode(), response.headers(), responseBody);
    }
}
