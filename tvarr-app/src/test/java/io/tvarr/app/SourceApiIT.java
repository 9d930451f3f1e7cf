package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adds an M3U source over the API, ingests it from a local provider, and browses the channels. */
class SourceApiIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<String> playlist = new AtomicReference<>();
    private HttpServer provider;
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/get.php", exchange -> {
            try (exchange) {
                String body = playlist.get();
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        provider.start();
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.close();
        provider.stop(0);
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** Waits for the background ingestion to finish, checking the status the API reports. */
    private JsonNode awaitIngestion(String id) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = body(api.get("/api/v1/sources/stream/" + id + "/status"));
            if (!status.get("state").asText().equals("ingesting")) {
                return status;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("ingestion of " + id + " did not finish");
    }

    @Test
    void a_source_is_ingested_browsed_and_keeps_its_channels_when_a_refresh_fails() throws IOException {
        playlist.set("#EXTM3U\n#EXTINF:-1 tvg-id=\"bbc1.uk\" group-title=\"UK\",BBC One\nhttp://p.example/1.ts\n"
                + "#EXTINF:-1 group-title=\"UK\",ITV\nhttp://p.example/2.ts\n"
                + "#EXTINF:-1 group-title=\"US\",CNN\nhttp://p.example/3.ts\n");
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/get.php?username=bob&password=hunter2";
        HttpResponse<String> created =
                api.post("/api/v1/sources/stream", "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\"" + url + "\"}");
        String id = body(created).get("id").asText();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).get("url").asText()).contains("password=***").doesNotContain("hunter2");
        assertThat(api.post("/api/v1/sources/stream/" + id + "/ingest", "").statusCode())
                .isEqualTo(202);
        JsonNode done = awaitIngestion(id);
        assertThat(done.get("state").asText()).isEqualTo("succeeded");
        assertThat(done.get("lastCount").asInt()).isEqualTo(3);
        assertThat(done.get("countOf").asText()).isEqualTo("channels");
        assertThat(done.get("bytesRead").asLong()).isPositive();
        assertThat(done.get("entriesRead").asLong()).isEqualTo(3);

        JsonNode page = body(api.get("/api/v1/channels?source=" + id + "&group=UK&size=1&page=1"));
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("ITV");
        assertThat(body(api.get("/api/v1/channels/groups?source=" + id))
                        .get(1)
                        .get("channels")
                        .asInt())
                .isEqualTo(1);

        playlist.set(null);
        api.post("/api/v1/sources/stream/" + id + "/ingest", "");
        JsonNode failed = awaitIngestion(id);
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("lastError").asText()).contains("http 404").doesNotContain("hunter2");
        assertThat(body(api.get("/api/v1/channels?source=" + id)).get("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void a_new_source_can_be_ingested_at_once_so_a_new_user_is_not_left_with_nothing() throws IOException {
        playlist.set("#EXTM3U\n#EXTINF:-1 group-title=\"UK\",BBC One\nhttp://p.example/1.ts\n");
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/get.php?type=m3u";

        HttpResponse<String> created = api.post(
                "/api/v1/sources/stream?ingest=true", "{\"name\":\"Now\",\"kind\":\"m3u\",\"url\":\"" + url + "\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode done = awaitIngestion(body(created).get("id").asText());
        assertThat(done.get("state").asText()).isEqualTo("succeeded");
        assertThat(done.get("lastCount").asInt()).isEqualTo(1);
    }

    @Test
    void updating_with_the_masked_url_keeps_the_stored_one() throws IOException {
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/get.php?username=bob&password=hunter2";
        String id = body(api.post(
                        "/api/v1/sources/stream", "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + url + "\"}"))
                .get("id")
                .asText();
        String masked = body(api.get("/api/v1/sources/stream/" + id)).get("url").asText();
        playlist.set("#EXTINF:-1,A\nhttp://p.example/1.ts\n");

        api.put("/api/v1/sources/stream/" + id, "{\"name\":\"Renamed\",\"kind\":\"m3u\",\"url\":\"" + masked + "\"}");
        api.post("/api/v1/sources/stream/" + id + "/ingest", "");

        assertThat(awaitIngestion(id).get("state").asText()).isEqualTo("succeeded");
        assertThat(body(api.get("/api/v1/sources/stream/" + id)).get("name").asText())
                .isEqualTo("Renamed");
    }

    @Test
    void a_json_body_sent_as_text_plain_is_refused_and_creates_nothing() throws IOException {
        HttpResponse<String> response = api.postBytes(
                "/api/v1/sources/stream",
                "text/plain",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"http://p.example/x.m3u\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response).get("detail").asText())
                .isEqualTo("Content-Type: expected application/json, found text/plain");
        assertThat(body(api.get("/api/v1/sources/stream"))).isEmpty();
    }

    @Test
    void a_null_body_and_a_fraction_for_a_count_are_400s_naming_the_problem() throws IOException {
        HttpResponse<String> nullBody = api.post("/api/v1/sources/stream", "null");
        HttpResponse<String> fraction = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"http://p.example/x.m3u\",\"maxConcurrentStreams\":1.5}");

        assertThat(nullBody.statusCode()).isEqualTo(400);
        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(body(fraction).get("detail").asText())
                .startsWith("maxConcurrentStreams: expected a whole number, found 1.5");
    }

    @Test
    void a_user_agent_with_a_line_break_is_refused() throws IOException {
        HttpResponse<String> response = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"http://p.example/x.m3u\","
                        + "\"userAgent\":\"VLC\\r\\nX-Injected: 1\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asText())
                .isEqualTo("user_agent: control character (such as a line break) at position 4 (expected: one line of"
                        + " text)");
    }

    @Test
    void a_schedule_that_never_fires_is_refused() throws IOException {
        HttpResponse<String> response = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"http://p.example/x.m3u\",\"schedule\":\"0 0 30 2 *\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).contains("never fires");
    }

    @Test
    void overlong_names_and_urls_are_refused_naming_the_field_and_the_limit() throws IOException {
        HttpResponse<String> longName = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"" + "n".repeat(900 * 1024) + "\",\"kind\":\"m3u\",\"url\":\"http://p.example/x\"}");
        HttpResponse<String> longUrl = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"http://p.example/" + "u".repeat(9000) + "\"}");

        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(body(longName).get("detail").asText())
                .isEqualTo("name: " + 900 * 1024 + " characters (expected: at most 200)");
        assertThat(longUrl.statusCode()).isEqualTo(400);
        assertThat(body(longUrl).get("detail").asText())
                .isEqualTo("url: " + ("http://p.example/".length() + 9000) + " characters (expected: at most 8192)");
        assertThat(body(api.get("/api/v1/sources/stream"))).isEmpty();
    }

    @Test
    void validation_errors_name_the_field() throws IOException {
        HttpResponse<String> response =
                api.post("/api/v1/sources/stream", "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"gopher://x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asText())
                .isEqualTo("url: 'gopher://x' (expected: an http, https or file URL)");
        assertThat(api.post("/api/v1/sources/stream", "{\"name\":\"P\",\"kind\":\"xtream\",\"url\":\"http://x\"}")
                        .body())
                .contains("credentials: required for an xtream source");
    }
}
