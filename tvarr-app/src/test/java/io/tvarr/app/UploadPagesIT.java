package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source and guide forms' upload as a browser without scripts sends it: multipart with the file field. */
class UploadPagesIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private String cookie;
    private String csrf;

    @BeforeEach
    void start() throws IOException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        HttpResponse<String> login = send(request("/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tvarr_session="))
                .findFirst()
                .orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        csrf = json.readTree(login.body()).get("csrfToken").asText();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_forms_offer_a_url_or_a_file_and_send_multipart() {
        String form = send(request("/sources/new").header("Cookie", cookie).header("Accept", "text/html"))
                .body();

        assertThat(form)
                .contains("enctype=\"multipart/form-data\"")
                .contains("id=\"from-url\"")
                .contains("id=\"from-file\"")
                .contains("type=\"file\"");
        assertThat(send(request("/guides/new").header("Cookie", cookie).header("Accept", "text/html"))
                        .body())
                .contains("accept=\".xml,.gz");
    }

    @Test
    void an_uploaded_playlist_makes_a_source_reading_the_kept_file() throws IOException {
        HttpResponse<String> created =
                postForm("/sources", fields("Sofa", "m3u", "file"), "list.m3u", UploadApiIT.PLAYLIST);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        String page = send(request(location).header("Cookie", cookie).header("Accept", "text/html"))
                .body();
        assertThat(page).contains("Sofa").contains("/uploads/");
        assertThat(uploads()).hasSize(1);
    }

    @Test
    void editing_with_a_new_file_replaces_the_old_one() throws IOException {
        String location = postForm("/sources", fields("Sofa", "m3u", "file"), "list.m3u", UploadApiIT.PLAYLIST)
                .headers()
                .firstValue("Location")
                .orElseThrow();
        Path first;
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("uploads"))) {
            first = files.findFirst().orElseThrow();
        }

        HttpResponse<String> edited =
                postForm(location, fields("Sofa", "m3u", "file"), "new.m3u", UploadApiIT.PLAYLIST);

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
        assertThat(uploads()).hasSize(1).doesNotContain(first);
    }

    @Test
    void a_refused_file_shows_the_server_message_next_to_the_file_field() {
        HttpResponse<String> refused = postForm("/guides", fields("Guide", "xmltv", "file"), "guide.xml", "#EXTM3U\n");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"file-error\"").contains("file: not an XMLTV guide");
    }

    @Test
    void choosing_upload_without_a_file_says_so_at_the_file_field() {
        HttpResponse<String> refused = postForm("/sources", fields("Sofa", "m3u", "file"), "", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"file-error\"").contains("file: choose a file to upload");
    }

    private Map<String, String> fields(String name, String kind, String from) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf);
        fields.put("name", name);
        fields.put("kind", kind);
        fields.put("from", from);
        fields.put("url", "");
        fields.put("schedule", "");
        return fields;
    }

    /** A multipart form as a browser sends it; an empty file name is a file field with nothing chosen. */
    private HttpResponse<String> postForm(String path, Map<String, String> fields, String fileName, String content) {
        String boundary = "tvarr-page-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary
                        + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private java.util.List<Path> uploads() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("uploads"))) {
            return files.toList();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
