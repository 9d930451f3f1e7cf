package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Guide matching that explains itself, over the API: matches page by page, pins, the threshold and the report. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideMatchApiIT {
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private String sourceId;
    private String guideId;

    @BeforeAll
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" group-title="UK",UK: BBC One HD
                http://up.example/1.ts
                #EXTINF:-1 tvg-id="" group-title="UK",ITV 1 (1080p)
                http://up.example/2.ts
                #EXTINF:-1 tvg-id="" group-title="UK",ITV +1
                http://up.example/3.ts
                #EXTINF:-1 tvg-id="" group-title="UK",Local Weather
                http://up.example/4.ts
                """);
        Files.writeString(
                inputs.resolve("guide.xml"),
                "<?xml version=\"1.0\"?><tv>"
                        + "<channel id=\"bbc1.uk\"><display-name>BBC One</display-name></channel>"
                        + "<channel id=\"itv1.uk\"><display-name>ITV1</display-name></channel>"
                        + "<channel id=\"weather\"><display-name>Weather Nation</display-name></channel>"
                        + "<programme start=\"" + XMLTV.format(hour) + "\" stop=\""
                        + XMLTV.format(hour.plus(Duration.ofHours(1)))
                        + "\" channel=\"bbc1.uk\"><title>News</title></programme>"
                        + "</tv>");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        sourceId = create(
                "/api/v1/sources/stream",
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\""
                        + inputs.resolve("provider.m3u").toUri() + "\"}");
        guideId = create(
                "/api/v1/sources/epg",
                "{\"name\":\"Guide\",\"kind\":\"xmltv\",\"url\":\""
                        + inputs.resolve("guide.xml").toUri() + "\"}");
        api.ingest("/api/v1/sources/stream/" + sourceId);
        api.ingest("/api/v1/sources/epg/" + guideId);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private String proxy(String name) throws IOException {
        return create(
                "/api/v1/proxies",
                "{\"name\":\"" + name + "\",\"sources\":[\"" + sourceId + "\"],\"epgSources\":[\"" + guideId + "\"]}");
    }

    private JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    private JsonNode matches(String proxy, String query) throws IOException {
        return ok(api.get("/api/v1/proxies/" + proxy + "/guide-matches" + query));
    }

    @Nested
    class Matches {
        @Test
        void tell_each_channels_tier_score_guide_channel_and_candidates() throws IOException {
            String proxy = proxy("Explained");

            JsonNode page = matches(proxy, "");

            assertThat(page.get("total").asLong()).isEqualTo(4);
            JsonNode list = page.get("matches");
            assertThat(list.get(0).get("tier").asText()).isEqualTo("exact_id");
            assertThat(list.get(0).get("guideChannelId").asText()).isEqualTo("bbc1.uk");
            assertThat(list.get(1).get("tier").asText()).isEqualTo("name");
            assertThat(list.get(1).get("guideChannelId").asText()).isEqualTo("itv1.uk");
            assertThat(list.get(2).get("channelName").asText()).isEqualTo("ITV +1");
            assertThat(list.get(2).get("tier").asText()).isEqualTo("unmatched");
            assertThat(list.get(2).get("guideChannelId").isNull()).isTrue();
            JsonNode weather = list.get(3);
            assertThat(weather.get("tier").asText()).isEqualTo("unmatched");
            assertThat(weather.get("candidates").get(0).get("guideChannelId").asText())
                    .isEqualTo("weather");
            assertThat(weather.get("candidates").get(0).get("score").asInt()).isBetween(1, 89);
        }

        @Test
        void come_in_pages_filtered_by_tier() throws IOException {
            String proxy = proxy("Paged");

            JsonNode page = matches(proxy, "?tier=unmatched&offset=1&limit=1");

            assertThat(page.get("total").asLong()).isEqualTo(2);
            assertThat(page.get("tier").asText()).isEqualTo("unmatched");
            assertThat(page.get("matches")).hasSize(1);
            assertThat(page.get("matches").get(0).get("channelName").asText()).isEqualTo("Local Weather");
        }

        @Test
        void a_bad_tier_or_limit_is_a_problem_naming_it() throws IOException {
            String proxy = proxy("Bad query");

            assertThat(problem(api.get("/api/v1/proxies/" + proxy + "/guide-matches?tier=fuzzy"), 400)
                            .get("detail")
                            .asText())
                    .contains("tier: 'fuzzy'");
            assertThat(problem(api.get("/api/v1/proxies/" + proxy + "/guide-matches?limit=5000"), 400)
                            .get("detail")
                            .asText())
                    .contains("limit: 5000");
            problem(api.get("/api/v1/proxies/nope/guide-matches"), 404);
        }

        @Test
        void the_generation_report_counts_each_tier() throws IOException {
            String proxy = proxy("Reported");

            JsonNode report = ok(api.post("/api/v1/proxies/" + proxy + "/regenerate", ""));

            JsonNode tiers = report.get("guideMatchTiers");
            assertThat(tiers.get("exact_id").asLong()).isEqualTo(1);
            assertThat(tiers.get("name").asLong()).isEqualTo(1);
            assertThat(tiers.get("unmatched").asLong()).isEqualTo(2);
            assertThat(tiers.get("pinned").asLong()).isZero();
        }
    }

    @Nested
    class Pins {
        @Test
        void a_pin_wins_at_the_next_generation_and_can_be_removed() throws IOException {
            String proxy = proxy("Pinned");
            String plusOne =
                    matches(proxy, "").get("matches").get(2).get("channelId").asText();

            JsonNode pin = ok(api.put(
                    "/api/v1/proxies/" + proxy + "/guide-matches/" + plusOne, "{\"guideChannelId\":\"itv1.uk\"}"));
            assertThat(pin.get("guideChannelId").asText()).isEqualTo("itv1.uk");
            ok(api.post("/api/v1/proxies/" + proxy + "/regenerate", ""));

            JsonNode pinned = matches(proxy, "?tier=pinned");
            assertThat(pinned.get("total").asLong()).isEqualTo(1);
            assertThat(pinned.get("matches").get(0).get("channelId").asText()).isEqualTo(plusOne);
            JsonNode pins = ok(api.get("/api/v1/proxies/" + proxy + "/guide-pins"));
            assertThat(pins).hasSize(1);
            assertThat(pins.get(0).get("orphaned").asBoolean()).isFalse();

            assertThat(api.delete("/api/v1/proxies/" + proxy + "/guide-matches/" + plusOne)
                            .statusCode())
                    .isEqualTo(204);
            problem(api.delete("/api/v1/proxies/" + proxy + "/guide-matches/" + plusOne), 404);
            assertThat(ok(api.get("/api/v1/proxies/" + proxy + "/guide-pins"))).isEmpty();
        }

        @Test
        void a_pin_to_a_guide_channel_that_is_not_there_is_listed_as_orphaned() throws IOException {
            String proxy = proxy("Orphans");
            String weather =
                    matches(proxy, "").get("matches").get(3).get("channelId").asText();
            ok(api.put("/api/v1/proxies/" + proxy + "/guide-matches/" + weather, "{\"guideChannelId\":\"gone\"}"));

            JsonNode report = ok(api.post("/api/v1/proxies/" + proxy + "/regenerate", ""));

            assertThat(report.get("warnings").toString()).contains("guide pins are orphaned");
            JsonNode pins = ok(api.get("/api/v1/proxies/" + proxy + "/guide-pins"));
            assertThat(pins.get(0).get("orphaned").asBoolean()).isTrue();
            assertThat(pins.get(0).get("reason").asText()).contains("gone");
        }

        @Test
        void bad_pins_are_problems_naming_what_is_wrong_and_store_nothing() throws IOException {
            String proxy = proxy("Bad pins");
            String bbc =
                    matches(proxy, "").get("matches").get(0).get("channelId").asText();

            assertThat(problem(
                                    api.put(
                                            "/api/v1/proxies/" + proxy + "/guide-matches/not-a-uuid",
                                            "{\"guideChannelId\":\"x\"}"),
                                    400)
                            .get("detail")
                            .asText())
                    .contains("channel id");
            assertThat(problem(api.put("/api/v1/proxies/" + proxy + "/guide-matches/" + bbc, "{}"), 400)
                            .get("detail")
                            .asText())
                    .contains("guide_channel_id");
            problem(
                    api.put(
                            "/api/v1/proxies/" + proxy + "/guide-matches/00000000-0000-0000-0000-000000000001",
                            "{\"guideChannelId\":\"x\"}"),
                    404);
            assertThat(ok(api.get("/api/v1/proxies/" + proxy + "/guide-pins"))).isEmpty();
        }
    }

    @Nested
    class Threshold {
        @Test
        void is_stored_per_proxy_and_bad_values_keep_the_old_one() throws IOException {
            String proxy = proxy("Strict");
            assertThat(ok(api.get("/api/v1/proxies/" + proxy + "/guide-matching"))
                            .get("threshold")
                            .asInt())
                    .isEqualTo(90);

            assertThat(ok(api.put("/api/v1/proxies/" + proxy + "/guide-matching", "{\"threshold\":75}"))
                            .get("threshold")
                            .asInt())
                    .isEqualTo(75);
            assertThat(problem(api.put("/api/v1/proxies/" + proxy + "/guide-matching", "{\"threshold\":0}"), 400)
                            .get("detail")
                            .asText())
                    .contains("threshold: 0 (expected: 1-100)");

            assertThat(ok(api.get("/api/v1/proxies/" + proxy + "/guide-matching"))
                            .get("threshold")
                            .asInt())
                    .isEqualTo(75);
        }
    }
}
