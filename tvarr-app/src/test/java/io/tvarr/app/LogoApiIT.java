package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logo cache over the API: cached and failed logos listed with masked URLs, removed by hand, warned about. */
class LogoApiIT {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 4, 2};
    /** Nothing listens on the discard port: the download fails at once. */
    static final String BROKEN_LOGO = "http://alice:s3cret@127.0.0.1:9/missing.png";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path playlist = Files.writeString(
                inputs.resolve("provider.m3u"),
                "#EXTM3U\n#EXTINF:-1 tvg-id=\"news.uk\" tvg-logo=\"" + BROKEN_LOGO
                        + "\",News\nhttp://up.example/1.ts\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        String source = create(
                "/api/v1/sources/stream",
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}");
        api.ingest("/api/v1/sources/stream/" + source);
        String proxy =
                create("/api/v1/proxies", "{\"name\":\"Logos\",\"sources\":[\"" + source + "\"],\"cacheLogos\":true}");
        HttpResponse<String> generated = api.post("/api/v1/proxies/" + proxy + "/regenerate", "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    @Nested
    class Failed_downloads {
        @Test
        void are_listed_with_the_reason_and_the_credentials_masked() throws IOException {
            HttpResponse<String> failures = api.get("/api/v1/logos/failures");

            assertThat(failures.statusCode()).as(failures.body()).isEqualTo(200);
            JsonNode page = json.readTree(failures.body());
            assertThat(page.get("total").asInt()).isEqualTo(1);
            JsonNode failure = page.get("items").get(0);
            assertThat(failure.get("url").asText()).contains("127.0.0.1:9/missing.png");
            assertThat(failure.get("failures").asInt()).isEqualTo(1);
            assertThat(failure.get("reason").asText()).isNotBlank();
            assertThat(failures.body()).doesNotContain("s3cret");
        }

        @Test
        void are_a_warning_on_the_dashboard_until_cleared() throws IOException {
            assertThat(api.get("/api/v1/system/warnings").body()).contains("failed_logos");

            HttpResponse<String> cleared = api.delete("/api/v1/logos/failures");

            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
            assertThat(json.readTree(cleared.body()).get("cleared").asInt()).isEqualTo(1);
            assertThat(api.get("/api/v1/system/warnings").body()).doesNotContain("failed_logos");
            assertThat(json.readTree(api.get("/api/v1/logos/failures").body())
                            .get("total")
                            .asInt())
                    .isZero();
        }

        @Test
        void are_searched_by_url_on_the_server() throws IOException {
            assertThat(json.readTree(api.get("/api/v1/logos/failures?q=MISSING").body())
                            .get("total")
                            .asInt())
                    .isEqualTo(1);
            assertThat(json.readTree(api.get("/api/v1/logos/failures?q=elsewhere")
                                    .body())
                            .get("total")
                            .asInt())
                    .isZero();
        }
    }

    @Nested
    class Cached_logos {
        @Test
        void are_listed_and_removed_one_by_one() throws IOException {
            String sha = json.readTree(
                            api.postBytes("/api/v1/logos", "image/png", PNG).body())
                    .get("sha256")
                    .asText();

            JsonNode page = json.readTree(api.get("/api/v1/logos").body());
            HttpResponse<String> deleted = api.delete("/api/v1/logos/" + sha);

            assertThat(page.get("total").asInt()).isEqualTo(1);
            assertThat(page.get("items").get(0).get("sha256").asText()).isEqualTo(sha);
            assertThat(page.get("items").get(0).get("size").asInt()).isEqualTo(PNG.length);
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(api.getBytes("/logos/" + sha + ".png").statusCode()).isEqualTo(404);
            assertThat(json.readTree(api.get("/api/v1/logos").body())
                            .get("total")
                            .asInt())
                    .isZero();
        }

        @Test
        void an_unknown_logo_answers_404_naming_it() {
            HttpResponse<String> deleted = api.delete("/api/v1/logos/" + "a".repeat(64));

            assertThat(deleted.statusCode()).isEqualTo(404);
            assertThat(deleted.body()).contains("a".repeat(64));
        }

        @Test
        void a_bad_page_is_refused_naming_the_parameter() {
            HttpResponse<String> refused = api.get("/api/v1/logos?page=-1");
            HttpResponse<String> tooBig = api.get("/api/v1/logos?size=5000");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("page");
            assertThat(tooBig.statusCode()).isEqualTo(400);
            assertThat(tooBig.body()).contains("size");
        }
    }
}
