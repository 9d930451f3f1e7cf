package io.tvarr.http.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.http.HttpSettings;
import io.tvarr.http.TvarrHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving a published file while a generation replaces it: the ETag describes the bytes actually sent. */
class PublishedFilesIT {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicBoolean regenerateOnce = new AtomicBoolean(true);
    private TvarrHttpServer server;
    private Path file;

    @BeforeEach
    void start() throws IOException {
        file = dir.resolve("playlist.m3u");
        Files.writeString(file, "a".repeat(1000));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        // the first request sees the file replaced right after its first look at it, as a generation would do
        PublishedFiles files = new PublishedFiles(() -> {
            if (regenerateOnce.getAndSet(false)) {
                publish("b".repeat(2000), FileTime.fromMillis(1_700_000_600_000L));
            }
        });
        server = new TvarrHttpServer(
                        new HttpSettings("127.0.0.1", 0, List.of(), false),
                        List.of(routes -> routes.get("/file", ctx -> files.serve(ctx, file, "text/plain"))))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_etag_is_taken_from_the_version_sent_when_the_file_is_replaced_meanwhile() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/file"))
                        .header("Accept-Encoding", "identity")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("b".repeat(2000));
        assertThat(response.headers().firstValue("ETag"))
                .contains("\"" + Long.toHexString(2000) + "-" + Long.toHexString(1_700_000_600_000L) + "\"");
    }

    private void publish(String content, FileTime modified) {
        try {
            Path draft = dir.resolve("playlist.m3u.tmp");
            Files.writeString(draft, content);
            Files.setLastModifiedTime(draft, modified);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
