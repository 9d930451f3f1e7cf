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
 * Edits that survive refresh, end to end over the API: an override set on a proxy's channel stays applied when the
 * provider renames and reorders its channels and rotates its tokens, and is listed orphaned when the channel goes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelOverridesIT {
    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private Path playlist;
    private String source;

    @BeforeAll
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        playlist = inputs.resolve("provider.m3u");
        provide("""
                #EXTM3U
                #EXTINF:-1 tvg-id="one.tv" group-title="News",One
                http://cdn.example/hls/one.m3u8?token=first
                #EXTINF:-1 tvg-id="two.tv" group-title="News",Two
                http://cdn.example/hls/two.m3u8?token=first
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
        ingest();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void provide(String m3u) throws IOException {
        Files.writeString(playlist, m3u);
    }

    private void ingest() throws IOException {
        assertThat(api.post("/api/v1/sources/stream/" + source + "/ingest", "").statusCode())
                .isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode status = json.readTree(
                api.get("/api/v1/sources/stream/" + source + "/status").body());
        while (Instant.now().isBefore(deadline) && status.get("state").asText().equals("ingesting")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            status = json.readTree(
                    api.get("/api/v1/sources/stream/" + source + "/status").body());
        }
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("succeeded");
    }

    private String proxy(String name) throws IOException {
        return created(api.post(
                        "/api/v1/proxies",
                        "{\"name\":\"" + name + "\",\"sources\":[\"" + source + "\"],\"deliveryMode\":\"redirect\"}"))
                .get("id")
                .asText();
    }

    private String channelId(String name) throws IOException {
        for (JsonNode channel : json.readTree(
                        api.get("/api/v1/channels?source=" + source).body())
                .get("items")) {
            if (channel.get("name").asText().equals(name)) {
                return channel.get("id").asText();
            }
        }
        throw new AssertionError("no channel named " + name);
    }

    /** Generates now; waits out the generation a refresh starts by itself for the proxies using the source. */
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

    @Test
    void an_override_survives_a_renaming_reordering_refresh_and_is_listed_orphaned_when_the_channel_goes()
            throws IOException {
        provide("""
                #EXTM3U
                #EXTINF:-1 tvg-id="one.tv" group-title="News",One
                http://cdn.example/hls/one.m3u8?token=first
                #EXTINF:-1 tvg-id="two.tv" group-title="News",Two
                http://cdn.example/hls/two.m3u8?token=first
                """);
        ingest();
        String proxy = proxy("Survivors");
        String one = channelId("One");
        HttpResponse<String> set = api.put(
                "/api/v1/proxies/" + proxy + "/channels/" + one + "/override",
                "{\"name\":\"My One\",\"number\":42,\"group\":\"Favourites\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(regenerate(proxy)).contains("tvg-chno=\"42\"").contains("group-title=\"Favourites\",My One");

        provide("""
                #EXTM3U
                #EXTINF:-1 tvg-id="two.tv" group-title="News",Two
                http://cdn.example/hls/two.m3u8?token=second
                #EXTINF:-1 tvg-id="one.tv" group-title="Nouvelles",One HD (renamed)
                http://cdn.example/hls/one.m3u8?token=second
                """);
        ingest();

        assertThat(channelId("One HD (renamed)")).isEqualTo(one);
        String after = regenerate(proxy);
        assertThat(after).contains("group-title=\"Favourites\",My One").doesNotContain("renamed");
        assertThat(after.indexOf("My One")).isGreaterThan(after.indexOf(",Two"));
        JsonNode listed =
                json.readTree(api.get("/api/v1/proxies/" + proxy + "/overrides").body());
        assertThat(listed.get(0).get("orphaned").asBoolean()).isFalse();
        assertThat(listed.get(0).get("channelName").asText()).isEqualTo("One HD (renamed)");

        provide("""
                #EXTM3U
                #EXTINF:-1 tvg-id="two.tv" group-title="News",Two
                http://cdn.example/hls/two.m3u8?token=third
                """);
        ingest();

        assertThat(regenerate(proxy)).doesNotContain("My One");
        JsonNode orphaned =
                json.readTree(api.get("/api/v1/proxies/" + proxy + "/overrides").body());
        assertThat(orphaned).hasSize(1);
        assertThat(orphaned.get(0).get("channelId").asText()).isEqualTo(one);
        assertThat(orphaned.get(0).get("orphaned").asBoolean()).isTrue();
        assertThat(orphaned.get(0).get("name").asText()).isEqualTo("My One");
        assertThat(orphaned.get(0).get("channelName").isNull()).isTrue();
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
        void the_proxy_page_links_to_the_overrides_page_which_sets_and_lists_them() throws IOException {
            String proxy = proxy("Web");
            String two = channelId("Two");
            assertThat(page("GET", "/proxies/" + proxy, "").body()).contains("/proxies/" + proxy + "/overrides");

            HttpResponse<String> saved =
                    page("POST", "/proxies/" + proxy + "/overrides", "channelId=" + two + "&name=Deux&number=9");

            assertThat(saved.statusCode()).isEqualTo(303);
            String listed = page("GET", "/proxies/" + proxy + "/overrides", "").body();
            assertThat(listed).contains("Deux").contains("present");
            assertThat(page("GET", "/proxies/" + proxy + "/overrides?channel=" + two, "")
                            .body())
                    .contains("value=\"Deux\"");
        }

        @Test
        void a_refused_form_shows_the_message_beside_the_field() {
            String proxy;
            try {
                proxy = proxy("Web refusals");
                HttpResponse<String> refused = page(
                        "POST", "/proxies/" + proxy + "/overrides", "channelId=" + channelId("Two") + "&number=seven");

                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("number-error").contains("expected: a whole number");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Nested
    class Refused {
        @Test
        void a_number_that_is_no_number_names_the_field() throws IOException {
            String proxy = proxy("Refusals");
            HttpResponse<String> response = api.put(
                    "/api/v1/proxies/" + proxy + "/channels/" + channelId("Two") + "/override",
                    "{\"number\":\"seven\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("detail").asText()).contains("number");
        }

        @Test
        void a_logo_that_is_no_web_address_names_the_field_and_stores_nothing() throws IOException {
            String proxy = proxy("Logos");
            String two = channelId("Two");
            HttpResponse<String> response = api.put(
                    "/api/v1/proxies/" + proxy + "/channels/" + two + "/override",
                    "{\"logoUrl\":\"javascript:alert(1)\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").asText()).startsWith("logoUrl:");
            assertThat(api.get("/api/v1/proxies/" + proxy + "/channels/" + two + "/override")
                            .statusCode())
                    .isEqualTo(404);
        }

        @Test
        void a_malformed_channel_id_is_a_bad_request() throws IOException {
            String proxy = proxy("Ids");

            HttpResponse<String> response =
                    api.put("/api/v1/proxies/" + proxy + "/channels/not-an-id/override", "{\"hidden\":true}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").asText()).contains("not-an-id");
        }

        @Test
        void removing_an_override_shows_the_channel_as_the_source_has_it_again() throws IOException {
            String proxy = proxy("Removal");
            String two = channelId("Two");
            api.put("/api/v1/proxies/" + proxy + "/channels/" + two + "/override", "{\"hidden\":true}");
            assertThat(regenerate(proxy)).doesNotContain(",Two");

            assertThat(api.delete("/api/v1/proxies/" + proxy + "/channels/" + two + "/override")
                            .statusCode())
                    .isEqualTo(204);

            assertThat(regenerate(proxy)).contains(",Two");
        }
    }
}
