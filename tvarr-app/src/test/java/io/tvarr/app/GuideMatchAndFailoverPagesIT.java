package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide matches and failover pages over plain HTTP, as a browser without scripts sends them: what they show,
 * the forms that change pins, the threshold and the alternates, and the errors next to their fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideMatchAndFailoverPagesIT {
    private static final String PASSWORD = "correct horse battery";
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private String cookie;
    private String csrf;
    private String sourceId;
    private String guideId;

    @BeforeAll
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
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
        // a guide without programmes waits for confirmation: one programme in the current hour
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
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
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
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

    /** The channel ids of the proxy's lineup by name, as the API's guide matches list them. */
    private Map<String, String> channelIds(String proxy) throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode match : json.readTree(
                        api.get("/api/v1/proxies/" + proxy + "/guide-matches").body())
                .get("matches")) {
            ids.put(match.get("channelName").asText(), match.get("channelId").asText());
        }
        return ids;
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

    private HttpResponse<String> page(String path) {
        return send(request(path).header("Cookie", cookie).header("Accept", "text/html"));
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf);
        StringBuilder body = new StringBuilder();
        all.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(request(path)
                .header("Cookie", cookie)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String row(String html, String channelId) {
        Matcher row = Pattern.compile("<tr data-channel=\"" + channelId + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as(html).isTrue();
        return row.group(1);
    }

    private static void redirectsTo(HttpResponse<String> response, String location) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(location);
    }

    @Nested
    class Guide_matches {
        @Test
        void show_each_channels_tier_score_and_guide_channel_and_pin_buttons_for_the_unmatched() throws IOException {
            String proxy = proxy("Explained");
            Map<String, String> ids = channelIds(proxy);

            HttpResponse<String> shown = page("/proxies/" + proxy + "/guide-matches");

            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body())
                    .contains("<h1>Guide matches: Explained</h1>")
                    .contains("4 in all");
            String bbc = row(shown.body(), ids.get("UK: BBC One HD"));
            assertThat(bbc)
                    .contains("<td class=\"tier\">exact_id</td>")
                    .contains("<td class=\"num\">100</td>")
                    .contains("BBC One<br><code>bbc1.uk</code>")
                    .doesNotContain("class=\"small pin\"");
            String weather = row(shown.body(), ids.get("Local Weather"));
            assertThat(weather)
                    .contains("<td class=\"tier\">unmatched</td>")
                    .contains("name=\"guide_channel_id\" value=\"weather\"")
                    .contains("data-guide=\"weather\"")
                    .contains("value=\"" + csrf + "\"");
            assertThat(shown.body()).contains("id=\"threshold\"").contains("value=\"90\"");
        }

        @Test
        void filter_by_tier_on_the_server() throws IOException {
            String proxy = proxy("Filtered");
            Map<String, String> ids = channelIds(proxy);

            String unmatched =
                    page("/proxies/" + proxy + "/guide-matches?tier=unmatched").body();

            assertThat(unmatched)
                    .contains("2 in all")
                    .contains("<option value=\"unmatched\" selected>")
                    .contains("data-channel=\"" + ids.get("ITV +1") + "\"")
                    .contains("data-channel=\"" + ids.get("Local Weather") + "\"")
                    .doesNotContain("data-channel=\"" + ids.get("UK: BBC One HD") + "\"");
        }

        @Test
        void come_fifty_to_a_page_with_links_to_the_next_and_previous() throws IOException {
            StringBuilder m3u = new StringBuilder("#EXTM3U\n");
            for (int i = 1; i <= 60; i++) {
                m3u.append("#EXTINF:-1 tvg-id=\"\" group-title=\"Many\",Channel ")
                        .append(i)
                        .append("\nhttp://up.example/many/")
                        .append(i)
                        .append(".ts\n");
            }
            Path many = Files.writeString(dir.resolve("inputs").resolve("many.m3u"), m3u.toString());
            String source = create(
                    "/api/v1/sources/stream", "{\"name\":\"Many\",\"kind\":\"m3u\",\"url\":\"" + many.toUri() + "\"}");
            api.ingest("/api/v1/sources/stream/" + source);
            String proxy = create(
                    "/api/v1/proxies",
                    "{\"name\":\"Paged\",\"sources\":[\"" + source + "\"],\"epgSources\":[\"" + guideId + "\"]}");

            String first =
                    page("/proxies/" + proxy + "/guide-matches?tier=unmatched").body();
            String second = page("/proxies/" + proxy + "/guide-matches?tier=unmatched&page=1")
                    .body();

            assertThat(first)
                    .contains("60 in all; page 1 of 2")
                    .contains("href=\"/proxies/" + proxy + "/guide-matches?tier=unmatched&amp;page=1\" rel=\"next\"")
                    .doesNotContain("rel=\"prev\"");
            assertThat(Pattern.compile("<tr data-channel=")
                            .matcher(first)
                            .results()
                            .count())
                    .isEqualTo(50);
            assertThat(second).contains("page 2 of 2").contains("rel=\"prev\"").contains(">Channel 60<");
            assertThat(Pattern.compile("<tr data-channel=")
                            .matcher(second)
                            .results()
                            .count())
                    .isEqualTo(10);
        }

        @Test
        void a_candidate_pinned_wins_after_regenerating_and_can_be_unpinned() throws IOException {
            String proxy = proxy("Pinned");
            String weather = channelIds(proxy).get("Local Weather");
            String listing = "/proxies/" + proxy + "/guide-matches?tier=unmatched&page=0";

            redirectsTo(
                    post(
                            "/proxies/" + proxy + "/guide-matches/pin",
                            Map.of("channel", weather, "guide_channel_id", "weather", "back", listing)),
                    listing);
            String beforeGenerating =
                    row(page("/proxies/" + proxy + "/guide-matches").body(), weather);
            redirectsTo(post("/proxies/" + proxy + "/guide-matches/regenerate", Map.of("back", listing)), listing);
            String afterGenerating =
                    row(page("/proxies/" + proxy + "/guide-matches").body(), weather);

            assertThat(beforeGenerating).contains("unmatched").contains("from the next generation");
            assertThat(afterGenerating)
                    .contains("<td class=\"tier\">pinned</td>")
                    .contains("Weather Nation<br><code>weather</code>")
                    .contains("Unpin");
            redirectsTo(
                    post("/proxies/" + proxy + "/guide-matches/" + weather + "/unpin", Map.of()),
                    "/proxies/" + proxy + "/guide-matches");
            assertThat(api.get("/api/v1/proxies/" + proxy + "/guide-pins").body())
                    .isEqualTo("[]");
        }

        @Test
        void a_pin_the_generation_cannot_use_is_listed_as_orphaned_with_its_reason() throws IOException {
            String proxy = proxy("Orphans");
            String plusOne = channelIds(proxy).get("ITV +1");
            post(
                    "/proxies/" + proxy + "/guide-matches/pin",
                    Map.of("channel", plusOne, "guide_channel_id", "no-such-guide-channel"));
            post("/proxies/" + proxy + "/guide-matches/regenerate", Map.of());

            String shown = page("/proxies/" + proxy + "/guide-matches").body();

            Matcher orphaned = Pattern.compile("<ul id=\"orphaned-pins\">(.*?)</ul>", Pattern.DOTALL)
                    .matcher(shown);
            assertThat(orphaned.find()).as(shown).isTrue();
            assertThat(orphaned.group(1))
                    .contains(plusOne)
                    .contains("no-such-guide-channel")
                    .contains("Remove");
        }

        @Test
        void a_threshold_that_is_no_number_is_refused_at_its_field_and_the_stored_one_kept() throws IOException {
            String proxy = proxy("Typo threshold");

            HttpResponse<String> refused = post("/proxies/" + proxy + "/guide-matching", Map.of("threshold", "ninety"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .containsPattern("<p class=\"field-error\" id=\"threshold-error\">threshold: 'ninety'[^<]*</p>")
                    .contains("value=\"ninety\"");
            assertThat(json.readTree(api.get("/api/v1/proxies/" + proxy + "/guide-matching")
                                    .body())
                            .get("threshold")
                            .asInt())
                    .isEqualTo(90);
        }

        @Test
        void a_threshold_out_of_range_is_refused_at_its_field_with_the_domains_message() throws IOException {
            String proxy = proxy("Range threshold");

            HttpResponse<String> refused = post("/proxies/" + proxy + "/guide-matching", Map.of("threshold", "150"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("<p class=\"field-error\" id=\"threshold-error\">threshold: 150 (expected: 1-100)</p>");
        }

        @Test
        void a_threshold_saved_is_shown_again() throws IOException {
            String proxy = proxy("Saved threshold");

            redirectsTo(
                    post("/proxies/" + proxy + "/guide-matching", Map.of("threshold", "75")),
                    "/proxies/" + proxy + "/guide-matches");

            assertThat(page("/proxies/" + proxy + "/guide-matches").body())
                    .containsPattern("id=\"threshold\" name=\"threshold\" type=\"number\" value=\"75\"");
        }

        @Test
        void a_pin_of_a_channel_that_is_not_there_is_refused_at_the_channel_field() throws IOException {
            String proxy = proxy("Unknown channel");

            HttpResponse<String> refused = post(
                    "/proxies/" + proxy + "/guide-matches/pin",
                    Map.of("channel", "00000000-0000-0000-0000-000000000000", "guide_channel_id", "weather"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .containsPattern("<p class=\"field-error\" id=\"channel-error\">channel 0{8}-[^<]*not found</p>")
                    .contains("value=\"weather\"");
        }

        @Test
        void a_pin_without_a_guide_channel_is_refused_at_that_field() throws IOException {
            String proxy = proxy("No guide channel");
            String weather = channelIds(proxy).get("Local Weather");

            HttpResponse<String> refused = post(
                    "/proxies/" + proxy + "/guide-matches/pin", Map.of("channel", weather, "guide_channel_id", " "));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("<p class=\"field-error\" id=\"guide_channel_id-error\">guide_channel_id:");
            assertThat(api.get("/api/v1/proxies/" + proxy + "/guide-pins").body())
                    .isEqualTo("[]");
        }
    }

    @Nested
    class Failover {
        @Test
        void the_merge_mode_saved_is_shown_again_and_the_api_answers_it() throws IOException {
            String proxy = proxy("Merged");

            redirectsTo(
                    post("/proxies/" + proxy + "/failover", Map.of("mergeBy", "tvg_id_or_name")),
                    "/proxies/" + proxy + "/failover");

            assertThat(page("/proxies/" + proxy + "/failover").body())
                    .contains("<option value=\"tvg_id_or_name\" selected>");
            assertThat(json.readTree(api.get("/api/v1/proxies/" + proxy + "/failover")
                                    .body())
                            .get("mergeBy")
                            .asText())
                    .isEqualTo("tvg_id_or_name");
        }

        @Test
        void a_merge_mode_not_known_is_refused_at_its_field_and_the_stored_one_kept() throws IOException {
            String proxy = proxy("Bad merge");

            HttpResponse<String> refused = post("/proxies/" + proxy + "/failover", Map.of("mergeBy", "callsign"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("<p class=\"field-error\" id=\"mergeBy-error\">mergeBy: 'callsign'");
            assertThat(json.readTree(api.get("/api/v1/proxies/" + proxy + "/failover")
                                    .body())
                            .get("mergeBy")
                            .asText())
                    .isEqualTo("none");
        }

        @Test
        void alternates_found_by_search_are_added_moved_and_removed() throws IOException {
            String proxy = proxy("Alternates");
            Map<String, String> ids = channelIds(proxy);
            String itv = ids.get("ITV 1 (1080p)");
            String plusOne = ids.get("ITV +1");
            String weather = ids.get("Local Weather");

            String chooser = page("/proxies/" + proxy + "/failover?q=itv").body();
            String chosen = page("/proxies/" + proxy + "/failover?channel=" + itv + "&q=itv")
                    .body();
            redirectsTo(
                    post(
                            "/proxies/" + proxy + "/failover/alternates",
                            Map.of("channel", itv, "alternate", plusOne, "q", "itv")),
                    "/proxies/" + proxy + "/failover?channel=" + itv + "&q=itv");
            post("/proxies/" + proxy + "/failover/alternates", Map.of("channel", itv, "alternate", weather));
            post(
                    "/proxies/" + proxy + "/failover/alternates/" + itv + "/move",
                    Map.of("alternate", weather, "to", "up"));
            JsonNode moved = json.readTree(
                    api.get("/api/v1/proxies/" + proxy + "/failover").body());
            post("/proxies/" + proxy + "/failover/alternates/" + itv + "/remove", Map.of("alternate", weather));
            String shown = page("/proxies/" + proxy + "/failover").body();

            assertThat(chooser)
                    .contains("ITV 1 (1080p)")
                    .contains("ITV +1")
                    .doesNotContain("Local Weather")
                    .contains("class=\"button secondary small choose\"");
            assertThat(row(chosen, plusOne)).contains("Add as alternate");
            assertThat(row(chosen, itv)).contains("chosen").doesNotContain("Add as alternate");
            assertThat(moved.get("alternates").get(0).get("channelId").asText()).isEqualTo(itv);
            assertThat(moved.get("alternates").get(0).get("alternates"))
                    .extracting(JsonNode::asText)
                    .containsExactly(weather, plusOne);
            assertThat(shown)
                    .contains("<li data-channel=\"" + itv + "\">")
                    .contains("<li data-alternate=\"" + plusOne + "\">")
                    .doesNotContain("data-alternate=\"" + weather + "\"");
        }

        @Test
        void a_channel_as_its_own_alternate_is_refused_with_the_domains_message_and_nothing_stored()
                throws IOException {
            String proxy = proxy("Itself");
            String itv = channelIds(proxy).get("ITV 1 (1080p)");

            HttpResponse<String> refused =
                    post("/proxies/" + proxy + "/failover/alternates", Map.of("channel", itv, "alternate", itv));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("<p class=\"form-error\" role=\"alert\" id=\"form-error\">alternates of channel " + itv
                            + ": names the channel itself</p>")
                    .contains("id=\"chosen\"");
            assertThat(json.readTree(api.get("/api/v1/proxies/" + proxy + "/failover")
                                    .body())
                            .get("alternates"))
                    .isEmpty();
        }
    }

    @Nested
    class Links_and_missing_proxies {
        @Test
        void the_proxy_page_links_both_pages_and_each_tier_count_to_its_matches() throws IOException {
            String proxy = proxy("Linked");
            api.post("/api/v1/proxies/" + proxy + "/regenerate", "");

            String shown = page("/proxies/" + proxy).body();

            assertThat(shown)
                    .contains("href=\"/proxies/" + proxy + "/guide-matches\"")
                    .contains("href=\"/proxies/" + proxy + "/failover\"")
                    .contains("href=\"/proxies/" + proxy + "/guide-matches?tier=unmatched\"");
        }

        @Test
        void an_unknown_proxy_answers_the_404_page_on_both() {
            for (String path :
                    new String[] {"/proxies/no-such-proxy/guide-matches", "/proxies/no-such-proxy/failover"}) {
                HttpResponse<String> missing = page(path);

                assertThat(missing.statusCode()).as(path).isEqualTo(404);
                assertThat(missing.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                assertThat(missing.body()).contains("<h1>Not found</h1>").contains("no-such-proxy");
            }
        }

        @Test
        void an_unknown_tier_answers_the_400_page_naming_it() throws IOException {
            String proxy = proxy("Bad tier");

            HttpResponse<String> refused = page("/proxies/" + proxy + "/guide-matches?tier=fuzzy");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("tier: 'fuzzy'");
        }
    }
}
