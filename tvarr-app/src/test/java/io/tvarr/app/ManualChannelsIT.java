package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels added to a proxy by hand, end to end: over the API (add, edit, remove, import, export, refusals), through a
 * generation into the playlist, the HDHomeRun lineup and the Xtream door, played, and on the proxy's web page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManualChannelsIT {
    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private String source;

    @BeforeAll
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path playlist = inputs.resolve("provider.m3u");
        Files.writeString(playlist, """
                #EXTM3U
                #EXTINF:-1 tvg-id="one.tv" group-title="News",One
                http://cdn.example/hls/one.m3u8
                """);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        source = created(api.post(
                        "/api/v1/sources/stream",
                        "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}"))
                .get("id")
                .asText();
        assertThat(api.post("/api/v1/sources/stream/" + source + "/ingest", "").statusCode())
                .isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode status = json.readTree(
                api.get("/api/v1/sources/stream/" + source + "/status").body());
        while (Instant.now().isBefore(deadline) && !status.get("state").asText().equals("succeeded")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            status = json.readTree(
                    api.get("/api/v1/sources/stream/" + source + "/status").body());
        }
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("succeeded");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private String proxy(String name) throws IOException {
        return created(api.post(
                        "/api/v1/proxies",
                        "{\"name\":\"" + name + "\",\"sources\":[\"" + source + "\"],\"deliveryMode\":\"redirect\","
                                + "\"numberingMode\":\"sequential\",\"numberingStart\":100}"))
                .get("id")
                .asText();
    }

    private String manual(String proxy) {
        return "/api/v1/proxies/" + proxy + "/manual-channels";
    }

    private String regenerate(String proxy) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        HttpResponse<String> report = api.post("/api/v1/proxies/" + proxy + "/regenerate", "");
        while (report.statusCode() == 409 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            report = api.post("/api/v1/proxies/" + proxy + "/regenerate", "");
        }
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        return api.get("/proxy/" + proxy + ".m3u").body();
    }

    private JsonNode created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    @Test
    void a_manual_channel_added_then_regenerated_is_in_the_m3u_the_lineup_and_the_xtream_door_and_plays()
            throws IOException {
        String proxy = proxy("Everywhere");
        JsonNode town = created(api.post(
                manual(proxy),
                "{\"name\":\"Town TV\",\"streamUrl\":\"http://town.example/live.ts\",\"tvgId\":\"town.tv\","
                        + "\"group\":\"Local\",\"number\":500}"));
        String id = town.get("id").asText();

        String m3u = regenerate(proxy);

        assertThat(m3u).contains(",One").contains(",Town TV").contains("tvg-chno=\"500\"");
        JsonNode lineup =
                json.readTree(api.get("/hdhr/" + proxy + "/lineup.json").body());
        assertThat(lineup.findValuesAsText("GuideName")).contains("Town TV");
        assertThat(lineup.findValuesAsText("GuideNumber")).contains("500");
        created(api.post("/api/v1/proxies/" + proxy + "/users", "{\"username\":\"town\",\"password\":\"secret1\"}"));
        JsonNode live = json.readTree(api.get("/player_api.php?username=town&password=secret1&action=get_live_streams")
                .body());
        assertThat(live.findValuesAsText("name")).contains("One", "Town TV");
        HttpResponse<String> played = api.get("/proxy/" + proxy + "/" + id);
        assertThat(played.statusCode()).as(played.body()).isEqualTo(302);
        assertThat(played.headers().firstValue("Location")).contains("http://town.example/live.ts");
    }

    @Test
    void an_edit_keeps_the_id_and_a_removal_takes_the_channel_out() throws IOException {
        String proxy = proxy("Edits");
        String id = created(api.post(manual(proxy), "{\"name\":\"Old\",\"streamUrl\":\"https://a.example/x.m3u8\"}"))
                .get("id")
                .asText();

        HttpResponse<String> edited =
                api.put(manual(proxy) + "/" + id, "{\"name\":\"New\",\"streamUrl\":\"https://a.example/y.m3u8\"}");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json.readTree(edited.body()).get("id").asText()).isEqualTo(id);
        assertThat(regenerate(proxy)).contains(",New").doesNotContain(",Old");
        assertThat(api.delete(manual(proxy) + "/" + id).statusCode()).isEqualTo(204);
        assertThat(regenerate(proxy)).doesNotContain(",New");
        assertThat(api.get(manual(proxy) + "/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void an_import_adds_the_entries_and_the_export_gives_them_back() throws IOException {
        String proxy = proxy("Imports");
        String playlist = """
                #EXTM3U
                #EXTINF:-1 tvg-id="a.tv" tvg-chno="7" group-title="Mine",Alpha
                http://a.example/a.ts
                #EXTINF:-1 tvarr-guide-channel="b.guide",Beta
                http://a.example/b.ts
                """;

        HttpResponse<String> imported = api.postBytes(
                manual(proxy) + "/import", "application/x-mpegurl", playlist.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json.readTree(imported.body()).get("added").asInt()).isEqualTo(2);
        HttpResponse<String> exported = api.get(manual(proxy) + "/export");
        assertThat(exported.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-mpegurl"));
        assertThat(exported.body()).isEqualTo("""
                        #EXTM3U
                        #EXTINF:-1 tvg-id="a.tv" tvg-chno="7" group-title="Mine",Alpha
                        http://a.example/a.ts
                        #EXTINF:-1 tvarr-guide-channel="b.guide",Beta
                        http://a.example/b.ts
                        """);
        assertThat(regenerate(proxy)).contains(",Alpha").contains(",Beta");
    }

    @Nested
    class Refused {
        @Test
        void an_import_with_a_mistake_names_the_line_and_stores_nothing() throws IOException {
            String proxy = proxy("Bad import");
            String playlist = "#EXTM3U\n#EXTINF:-1,Fine\nhttp://a.example/a.ts\n#EXTINF:-1,Evil\nfile:///etc/passwd\n";

            JsonNode refused = problem(
                    api.postBytes(
                            manual(proxy) + "/import", "audio/x-mpegurl", playlist.getBytes(StandardCharsets.UTF_8)),
                    400);

            assertThat(refused.get("detail").asText()).startsWith("line 5: streamUrl:");
            assertThat(json.readTree(api.get(manual(proxy)).body())).isEmpty();
        }

        @Test
        void an_import_as_plain_text_is_an_unsupported_media_type() throws IOException {
            String proxy = proxy("Plain import");

            HttpResponse<String> refused = api.postBytes(
                    manual(proxy) + "/import", "text/plain", "#EXTM3U\n".getBytes(StandardCharsets.UTF_8));

            assertThat(refused.statusCode()).isEqualTo(415);
        }

        @Test
        void a_hostile_stream_url_names_the_field() throws IOException {
            String proxy = proxy("Hostile");

            JsonNode refused =
                    problem(api.post(manual(proxy), "{\"name\":\"X\",\"streamUrl\":\"javascript:alert(1)\"}"), 400);

            assertThat(refused.get("detail").asText()).startsWith("streamUrl:");
            assertThat(json.readTree(api.get(manual(proxy)).body())).isEmpty();
        }

        @Test
        void a_missing_name_names_the_field_and_an_unknown_proxy_is_not_found() throws IOException {
            String proxy = proxy("Nameless");

            assertThat(problem(api.post(manual(proxy), "{\"streamUrl\":\"http://a.example/\"}"), 400)
                            .get("detail")
                            .asText())
                    .startsWith("name:");
            problem(api.post(manual("nope"), "{\"name\":\"X\",\"streamUrl\":\"http://a.example/\"}"), 404);
        }
    }

    @Nested
    class Web_page {
        private final HttpClient http = HttpClient.newBuilder().build();

        private HttpResponse<String> page(String method, String path, String form) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .header("Authorization", api.authorization());
            if (method.equals("POST")) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
            }
            return send(request);
        }

        private HttpResponse<String> upload(String path, String playlist) {
            String boundary = "----tvarr-test-boundary";
            String body = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"mine.m3u\"\r\n"
                    + "Content-Type: audio/x-mpegurl\r\n\r\n"
                    + playlist + "\r\n"
                    + "--" + boundary + "--\r\n";
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .header("Authorization", api.authorization())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        @Test
        void the_proxy_page_links_to_the_page_which_adds_edits_and_deletes_after_a_confirmation() throws IOException {
            String proxy = proxy("Web");
            String path = "/proxies/" + proxy + "/manual-channels";
            assertThat(page("GET", "/proxies/" + proxy, "").body()).contains(path);

            assertThat(page("POST", path, "name=Town+TV&streamUrl=http%3A%2F%2Ftown.example%2Flive.ts&number=42")
                            .statusCode())
                    .isEqualTo(303);
            JsonNode listed = json.readTree(api.get(manual(proxy)).body());
            String id = listed.get(0).get("id").asText();
            assertThat(page("GET", path, "").body()).contains("Town TV").contains(path + "?edit=" + id);
            assertThat(page("GET", path + "?edit=" + id, "").body()).contains("value=\"Town TV\"");

            assertThat(page("POST", path + "/" + id, "name=City+TV&streamUrl=http%3A%2F%2Ftown.example%2Flive.ts")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(page("GET", path, "").body()).contains("City TV").doesNotContain("Town TV");

            assertThat(page("GET", path + "/" + id + "/delete", "").body())
                    .contains("City TV")
                    .contains("confirm-delete");
            assertThat(page("POST", path + "/" + id + "/delete", "").statusCode())
                    .isEqualTo(303);
            assertThat(page("GET", path, "").body()).contains("no-manual-channels");
        }

        @Test
        void a_refused_form_shows_the_message_beside_the_field() throws IOException {
            String proxy = proxy("Web refusals");

            HttpResponse<String> refused = page(
                    "POST", "/proxies/" + proxy + "/manual-channels", "name=X&streamUrl=file%3A%2F%2F%2Fetc%2Fpasswd");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("streamUrl-error").contains("expected: an http or https URL");
            assertThat(refused.body()).contains("value=\"X\"");
        }

        @Test
        void an_upload_imports_and_the_download_exports() throws IOException {
            String proxy = proxy("Web import");
            String path = "/proxies/" + proxy + "/manual-channels";

            HttpResponse<String> imported =
                    upload(path + "/import", "#EXTM3U\n#EXTINF:-1,Uploaded\nhttp://u.example/1.ts\n");

            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
            assertThat(imported.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith(path + "?added=1&updated=0"));
            assertThat(page("GET", path + "?added=1&updated=0", "").body())
                    .contains("Uploaded")
                    .contains("Imported: 1 added, 0 updated.");
            assertThat(page("GET", path + "/export.m3u", "").body()).contains("#EXTINF:-1,Uploaded");
        }

        @Test
        void a_refused_upload_names_the_line_beside_the_file_field() {
            String proxy;
            try {
                proxy = proxy("Web bad import");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }

            HttpResponse<String> refused = upload(
                    "/proxies/" + proxy + "/manual-channels/import",
                    "#EXTM3U\n#EXTINF:-1 tvg-id=\"x,Broken\nhttp://a/\n");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("file-error").contains("line 2: attribute");
        }
    }
}
