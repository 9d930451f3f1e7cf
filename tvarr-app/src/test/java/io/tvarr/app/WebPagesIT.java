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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web pages over plain HTTP, as a browser without scripts sends them: forms, CSRF fields, errors, assets. */
class WebPagesIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private Path inputs;
    private String cookie;
    private String csrf;

    @BeforeEach
    void start() throws IOException {
        inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" group-title="UK",BBC One
                http://up.example/1.ts
                """);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
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
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(request(path)
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private String sourceUrl() {
        return inputs.resolve("provider.m3u").toUri().toString();
    }

    @Nested
    class Pages {
        @Test
        void the_dashboard_is_the_home_page_with_navigation_and_the_live_jobs_panel() {
            HttpResponse<String> home = page("/");

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(home.body())
                    .contains("<h1>Dashboard</h1>")
                    .contains("href=\"/sources\"", "href=\"/guides\"", "href=\"/proxies\"", "href=\"/channels\"")
                    .contains("sse-connect=\"/api/v1/events\"")
                    .contains("hx-trigger=\"sse:job\"")
                    .contains(csrf);
        }

        @Test
        void scripts_and_styles_come_from_tvarr_itself_and_need_no_login() {
            String home = page("/").body();
            Matcher scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(home);

            int found = 0;
            while (scripts.find()) {
                found++;
                assertThat(scripts.group(1)).startsWith("/");
                assertThat(send(request(scripts.group(1))).statusCode())
                        .as(scripts.group(1))
                        .isEqualTo(200);
            }
            assertThat(found).isEqualTo(3);
            HttpResponse<String> style = send(request("/assets/tvarr.css"));
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(style.body()).contains("prefers-color-scheme: dark");
            assertThat(send(request("/login")).body()).contains("/assets/tvarr.css");
        }
    }

    @Nested
    class Missing_things {
        @Test
        void an_unknown_id_on_a_page_answers_an_html_404_page_naming_it() {
            HttpResponse<String> missing = page("/sources/00000000-0000-0000-0000-000000000000");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(missing.body())
                    .contains("<h1>Not found</h1>")
                    .contains("00000000-0000-0000-0000-000000000000")
                    .contains("href=\"/sources\"");
        }

        @Test
        void an_unknown_page_answers_an_html_404_page() {
            HttpResponse<String> missing = page("/no-such-page");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(missing.body()).contains("<h1>Not found</h1>").contains("/no-such-page");
        }

        @Test
        void an_unknown_id_on_the_api_answers_problem_json_even_to_a_browser() throws IOException {
            HttpResponse<String> missing = page("/api/v1/sources/00000000-0000-0000-0000-000000000000");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json.readTree(missing.body()).get("status").asInt()).isEqualTo(404);
        }
    }

    @Nested
    class Forms {
        @Test
        void adding_a_source_redirects_to_its_page() {
            HttpResponse<String> created =
                    post("/sources", Map.of("csrf", csrf, "name", "Provider", "kind", "m3u", "url", sourceUrl()));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("/sources/[0-9a-f-]{36}");
            assertThat(page(location).body()).contains("<h1>Provider</h1>").contains("Refresh now");
        }

        @Test
        void a_refused_field_shows_the_server_message_next_to_it() {
            HttpResponse<String> refused =
                    post("/sources", Map.of("csrf", csrf, "name", "Provider", "kind", "m3u", "url", "   "));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .containsPattern("<p class=\"field-error\" id=\"url-error\">url: [^<]+</p>")
                    .contains("value=\"Provider\"");
        }

        @Test
        void a_form_without_the_session_csrf_field_is_refused() {
            HttpResponse<String> refused =
                    post("/sources", Map.of("name", "Provider", "kind", "m3u", "url", sourceUrl()));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("csrf form field");
            assertThat(post("/sources", Map.of("csrf", "forged", "name", "P", "kind", "m3u", "url", sourceUrl()))
                            .statusCode())
                    .isEqualTo(403);
        }

        @Test
        void a_change_made_on_a_page_lands_in_the_audit_trail() throws IOException {
            post("/sources", Map.of("csrf", csrf, "name", "Provider", "kind", "m3u", "url", sourceUrl()));

            JsonNode audit = json.readTree(
                    new ApiClient(app).get("/api/v1/audit?size=50").body());

            assertThat(audit.get("items")).anySatisfy(entry -> {
                assertThat(entry.get("actor").asText()).isEqualTo("user:admin");
                assertThat(entry.get("action").asText()).isEqualTo("POST /sources");
                assertThat(entry.get("outcome").asText()).isEqualTo("303");
            });
        }

        @Test
        void deleting_asks_first_and_deletes_on_confirmation() {
            String location = post(
                            "/sources", Map.of("csrf", csrf, "name", "Provider", "kind", "m3u", "url", sourceUrl()))
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();

            assertThat(page(location + "/delete").body())
                    .contains("It cannot be undone")
                    .contains("Provider");
            HttpResponse<String> deleted = post(location + "/delete", Map.of("csrf", csrf));

            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(page("/sources").body()).doesNotContain("Provider");
        }
    }

    /** Adds an M3U source through the pages, refreshes it and waits until its status panel says it succeeded. */
    private String addAndRefresh(String name, Path file) {
        String location = post(
                        "/sources",
                        Map.of(
                                "csrf",
                                csrf,
                                "name",
                                name,
                                "kind",
                                "m3u",
                                "url",
                                file.toUri().toString()))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertThat(post(location + "/refresh", Map.of("csrf", csrf)).statusCode())
                .isEqualTo(303);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String status = page(location + "/status").body();
            if (status.contains("data-state=\"succeeded\"")) {
                return location;
            }
            assertThat(status).doesNotContain("data-state=\"failed\"");
            java.util.concurrent.locks.LockSupport.parkNanos(
                    java.time.Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("the refresh of " + name + " did not succeed in time");
    }

    @Nested
    class Channels {
        @BeforeEach
        void ingest() throws IOException {
            StringBuilder m3u = new StringBuilder("#EXTM3U\n");
            for (int i = 1; i <= 120; i++) {
                m3u.append("#EXTINF:-1 tvg-id=\"ch")
                        .append(i)
                        .append("\" group-title=\"")
                        .append(i <= 70 ? "UK" : "US")
                        .append("\",Channel ")
                        .append(i)
                        .append('\n')
                        .append("http://up.example/")
                        .append(i)
                        .append(".ts\n");
            }
            addAndRefresh("Big provider", Files.writeString(inputs.resolve("big.m3u"), m3u));
        }

        @Test
        void pages_through_every_channel_on_the_server() {
            String first = page("/channels").body();
            String last = page("/channels?page=2").body();

            assertThat(first)
                    .contains("120 channels; page 1 of 3")
                    .contains(">Channel 1<")
                    .contains(">Channel 50<")
                    .doesNotContain(">Channel 51<")
                    .contains("rel=\"next\"")
                    .doesNotContain("rel=\"prev\"");
            assertThat(last)
                    .contains("page 3 of 3")
                    .contains(">Channel 101<")
                    .contains(">Channel 120<")
                    .contains("rel=\"prev\"")
                    .doesNotContain("rel=\"next\"");
        }

        @Test
        void searches_by_text_and_group() {
            String found = page("/channels?q=channel+11&group=").body();
            String inGroup = page("/channels?q=&group=US").body();

            assertThat(found)
                    .contains("11 channels")
                    .contains(">Channel 11<")
                    .contains(">Channel 110<")
                    .doesNotContain(">Channel 12<");
            assertThat(inGroup)
                    .contains("50 channels")
                    .contains(">Channel 71<")
                    .doesNotContain(">Channel 70<")
                    .contains("<option value=\"US\" selected>US (50)</option>");
        }
    }

    @Nested
    class Channel_detail {
        private static final java.time.format.DateTimeFormatter XMLTV = java.time.format.DateTimeFormatter.ofPattern(
                        "yyyyMMddHHmmss '+0000'")
                .withZone(java.time.ZoneOffset.UTC);

        private String channelLink;

        @BeforeEach
        void ingest() throws IOException {
            addAndRefresh("Provider", Files.writeString(inputs.resolve("account.m3u"), """
                    #EXTM3U
                    #EXTINF:-1 tvg-id="bbc1.uk" tvg-chno="101" group-title="UK" catchup-days="7",BBC One
                    http://up.example/live/alice/s3cret/1.ts
                    """));
            String list = page("/channels").body();
            Matcher link = Pattern.compile("href=\"(/channels/[0-9a-f-]{36})\">BBC One<")
                    .matcher(list);
            assertThat(link.find()).as(list).isTrue();
            channelLink = link.group(1);
        }

        private String guideLocation;

        private void addGuideOnAirNow() throws IOException {
            java.time.Instant now = java.time.Instant.now();
            Path guide = Files.writeString(inputs.resolve("now.xml"), """
                    <?xml version="1.0"?><tv><channel id="bbc1.uk"><display-name>BBC One</display-name></channel>
                    <programme start="%s" stop="%s" channel="bbc1.uk"><title>News at One</title></programme>
                    <programme start="%s" stop="%s" channel="bbc1.uk"><title>Doctors</title></programme></tv>
                    """.formatted(
                            XMLTV.format(now.minusSeconds(1800)),
                            XMLTV.format(now.plusSeconds(1800)),
                            XMLTV.format(now.plusSeconds(1800)),
                            XMLTV.format(now.plusSeconds(3600))));
            String location = post(
                            "/guides",
                            Map.of(
                                    "csrf",
                                    csrf,
                                    "name",
                                    "Guide",
                                    "kind",
                                    "xmltv",
                                    "url",
                                    guide.toUri().toString()))
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();
            guideLocation = location;
            assertThat(post(location + "/refresh", Map.of("csrf", csrf)).statusCode())
                    .isEqualTo(303);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (!page(location + "/status").body().contains("data-state=\"succeeded\"")) {
                assertThat(System.nanoTime()).as("guide refreshed in time").isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        }

        @Test
        void shows_attributes_and_the_stream_url_with_its_credentials_masked() {
            String detail = page(channelLink).body();

            assertThat(detail)
                    .contains("<h1>BBC One</h1>")
                    .contains("bbc1.uk")
                    .contains("catchup-days")
                    .contains("id=\"stream-url\"")
                    .doesNotContain("s3cret")
                    .contains("No guide has programmes");
        }

        @Test
        void shows_the_guide_match_with_the_programmes_now_and_next() throws IOException {
            addGuideOnAirNow();

            String detail = page(channelLink).body();

            assertThat(detail).contains("Matched guide channel <code>bbc1.uk</code>");
            assertThat(detail.substring(detail.indexOf("id=\"programme-now\""))).contains("News at One");
            assertThat(detail.substring(detail.indexOf("id=\"programme-next\"")))
                    .contains("Doctors");
        }

        @Test
        void a_proxys_guide_grid_shows_the_window_around_now_and_moves_by_three_hours() throws IOException {
            addGuideOnAirNow();
            ApiClient api = new ApiClient(app);
            String source = json.readTree(api.get("/api/v1/sources/stream").body())
                    .get(0)
                    .get("id")
                    .asText();
            String guide = guideLocation.substring(guideLocation.lastIndexOf('/') + 1);
            HttpResponse<String> created = api.post(
                    "/api/v1/proxies",
                    "{\"name\":\"Living room\",\"sources\":[\"" + source + "\"],\"epgSources\":[\"" + guide
                            + "\"],\"numberingMode\":\"sequential\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String proxy = json.readTree(created.body()).get("id").asText();
            assertThat(api.post("/api/v1/proxies/" + proxy + "/regenerate", "").statusCode())
                    .isEqualTo(200);

            String grid = page("/proxies/" + proxy + "/guide").body();

            assertThat(grid)
                    .contains("<h1>Guide: Living room</h1>")
                    .contains("BBC One</a>")
                    .containsPattern("class=\"slot now\"[^>]*>[0-9:]+ News at One<")
                    .contains("Doctors");
            Matcher later = Pattern.compile("href=\"([^\"]+)\" rel=\"next\" id=\"later\"")
                    .matcher(grid);
            assertThat(later.find()).isTrue();
            String moved = page(later.group(1).replace("&amp;", "&")).body();
            assertThat(moved).doesNotContain("News at One").contains("no programmes in this window");
            assertThat(page("/proxies/" + proxy + "/guide?at=yesterday").statusCode())
                    .isEqualTo(400);
        }

        @Test
        void the_api_answers_the_same_detail_with_masked_urls() throws IOException {
            addGuideOnAirNow();
            String id = channelLink.substring(channelLink.lastIndexOf('/') + 1);

            HttpResponse<String> answer = new ApiClient(app).get("/api/v1/channels/" + id);

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(answer.body());
            assertThat(body.get("guideChannel").asText()).isEqualTo("bbc1.uk");
            assertThat(body.get("now").get("title").asText()).isEqualTo("News at One");
            assertThat(body.get("next").get("title").asText()).isEqualTo("Doctors");
            assertThat(body.get("channel").get("streamUrl").asText()).doesNotContain("s3cret");
            assertThat(new ApiClient(app)
                            .get("/api/v1/channels/00000000-0000-0000-0000-000000000000")
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Jobs_relay_profiles_and_system {
        @Test
        void the_job_history_lists_finished_jobs_with_outcome_and_duration() {
            HttpResponse<String> submitted =
                    new ApiClient(app).post("/api/v1/jobs", "{\"kind\":\"logo_cleanup\",\"target\":\"logos\"}");
            assertThat(submitted.statusCode()).as(submitted.body()).isBetween(200, 202);

            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            String history = page("/jobs").body();
            while (!history.contains("<span class=\"badge succeeded\">succeeded</span>")) {
                assertThat(System.nanoTime()).as(history).isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                history = page("/jobs").body();
            }

            assertThat(history)
                    .contains("<h1>Jobs</h1>")
                    .contains("<td>logo cleanup</td>")
                    .containsPattern("<td>[0-9.]+ (ms|s)</td>")
                    .contains("<td class=\"instance\">" + app.core().instance() + "</td>");
            assertThat(page("/jobs?state=succeeded").statusCode()).isEqualTo(200);
            assertThat(page("/jobs?state=nonsense").statusCode()).isEqualTo(400);
        }

        @Test
        void a_relay_profile_is_added_edited_and_deleted_after_confirmation() {
            Map<String, String> fields = new java.util.HashMap<>(Map.of(
                    "csrf", csrf,
                    "name", "Phones",
                    "video_codec", "h264",
                    "audio_codec", "aac",
                    "video_bitrate_kbps", "1500",
                    "audio_bitrate_kbps", "128",
                    "max_height", "720",
                    "hwaccel", "none"));
            assertThat(post("/relay-profiles", fields).statusCode()).isEqualTo(303);
            String listed = page("/relay-profiles").body();
            assertThat(listed).contains(">Phones<").contains("720p");
            Matcher edit = Pattern.compile("href=\"(/relay-profiles/[0-9a-f-]{36})/edit\"")
                    .matcher(listed);
            assertThat(edit.find()).isTrue();
            String profile = edit.group(1);

            fields.put("max_height", "tall");
            HttpResponse<String> refused = post(profile, fields);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains(
                            "<p class=\"field-error\" id=\"max_height-error\">max_height: 'tall' (expected: a whole number)</p>");

            fields.put("max_height", "1080");
            assertThat(post(profile, fields).statusCode()).isEqualTo(303);
            assertThat(page(profile + "/edit").body()).contains("value=\"1080\"");
            assertThat(page(profile + "/delete").body())
                    .contains("It cannot be undone")
                    .contains("Phones");
            assertThat(post(profile + "/delete", Map.of("csrf", csrf)).statusCode())
                    .isEqualTo(303);
            assertThat(page("/relay-profiles").body()).doesNotContain(">Phones<");
            assertThat(page(profile + "/edit").statusCode()).isEqualTo(404);
        }

        @Test
        void the_system_page_shows_the_version_and_the_doctors_ffmpeg_report() {
            String system = page("/system").body();
            String ffmpeg = page("/system/ffmpeg").body();

            assertThat(system)
                    .contains("<h1>System</h1>")
                    .contains("id=\"tvarr-version\"")
                    .contains("hx-get=\"/system/ffmpeg\"");
            assertThat(ffmpeg).contains("id=\"ffmpeg-version\"").contains("id=\"verified-hardware\"");
        }
    }

    @Nested
    class Xtream_test_connection {
        private com.sun.net.httpserver.HttpServer server;

        /** A provider's panel on a local port answering every login with the given user_info. */
        private String panel(String userInfo) throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = ("{\"user_info\":" + userInfo + ",\"server_info\":{}}").getBytes(StandardCharsets.UTF_8);
            server.createContext("/player_api.php", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @AfterEach
        void stopPanel() {
            if (server != null) {
                server.stop(0);
            }
        }

        private HttpResponse<String> test(String url, String password) {
            return send(request("/sources/test-xtream")
                    .header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf)
                    .header("HX-Request", "true")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                            + "&username=alice&password=" + password + "&user_agent=")));
        }

        @Test
        void shows_the_accounts_expiry_and_connections() throws IOException {
            String url = panel("{\"auth\":1,\"status\":\"Active\",\"exp_date\":\"1924992000\","
                    + "\"max_connections\":\"2\",\"active_cons\":\"1\",\"is_trial\":\"0\"}");

            HttpResponse<String> answer = test(url, "s3cret");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body())
                    .contains("data-ok=\"true\"")
                    .contains("<dd id=\"xtream-status\">Active</dd>")
                    .contains("2031-01-01 00:00:00 UTC")
                    .contains("1 in use of 2");
        }

        @Test
        void shows_the_providers_refusal() throws IOException {
            String url = panel("{\"auth\":0}");

            String body = test(url, "wrong").body();

            assertThat(body)
                    .contains("data-ok=\"false\"")
                    .contains("The provider refused")
                    .contains("alice");
            assertThat(body).doesNotContain("wrong");
        }

        @Test
        void refuses_urls_the_ingest_fetcher_refuses() {
            assertThat(test("ftp://provider.example/", "x").body())
                    .contains("url:")
                    .contains("expected: an http");
            assertThat(test("file:///etc/", "x").body())
                    .contains("data-ok=\"false\"")
                    .doesNotContain("xtream-status");
        }

        @Test
        void the_api_answers_the_same_check() throws IOException {
            String url = panel("{\"auth\":1,\"status\":\"Expired\",\"exp_date\":\"1000\",\"max_connections\":1}");

            HttpResponse<String> answer = new ApiClient(app)
                    .post(
                            "/api/v1/sources/stream/test-xtream",
                            "{\"url\":\"" + url + "\",\"username\":\"alice\",\"password\":\"p\"}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode check = json.readTree(answer.body());
            assertThat(check.get("ok").asBoolean()).isFalse();
            assertThat(check.get("status").asText()).isEqualTo("Expired");
            assertThat(check.get("maxConnections").asInt()).isEqualTo(1);
            assertThat(check.get("problem").asText()).contains("Expired");
        }
    }

    @Nested
    class Guides_and_proxies {
        @Test
        void a_guide_is_added_and_refreshed_through_its_pages() throws IOException {
            Path guide = Files.writeString(inputs.resolve("guide.xml"), """
                    <?xml version="1.0"?><tv><channel id="bbc1.uk"><display-name>BBC One</display-name></channel>
                    <programme start="20300101000000 +0000" stop="20300101010000 +0000" channel="bbc1.uk">
                    <title>News</title></programme></tv>
                    """);

            HttpResponse<String> created = post(
                    "/guides",
                    Map.of(
                            "csrf",
                            csrf,
                            "name",
                            "Guide",
                            "kind",
                            "xmltv",
                            "url",
                            guide.toUri().toString()));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith("/guides/");
            assertThat(page(location).body()).contains("<h1>Guide</h1>").contains("programmes stored");
            assertThat(page("/").body()).contains(">Guide</a>");
        }

        @Test
        void a_guide_with_nothing_on_air_is_a_warning_on_the_dashboard_and_in_the_api() throws IOException {
            Path guide = Files.writeString(inputs.resolve("future.xml"), """
                    <?xml version="1.0"?><tv><channel id="bbc1.uk"><display-name>BBC One</display-name></channel>
                    <programme start="20300101000000 +0000" stop="20300101010000 +0000" channel="bbc1.uk">
                    <title>News</title></programme></tv>
                    """);
            assertThat(page("/").body()).doesNotContain("id=\"warnings\"");
            String location = post(
                            "/guides",
                            Map.of(
                                    "csrf",
                                    csrf,
                                    "name",
                                    "Future guide",
                                    "kind",
                                    "xmltv",
                                    "url",
                                    guide.toUri().toString()))
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();

            String dashboard = page("/").body();

            assertThat(dashboard)
                    .contains("id=\"warnings\"")
                    .contains("data-kind=\"guide_without_programmes\"")
                    .contains("<a href=\"" + location + "\">Future guide</a>")
                    .contains("no programmes stored");
            JsonNode warnings = json.readTree(
                    new ApiClient(app).get("/api/v1/system/warnings").body());
            assertThat(warnings).anySatisfy(w -> {
                assertThat(w.get("kind").asText()).isEqualTo("guide_without_programmes");
                assertThat(w.get("name").asText()).isEqualTo("Future guide");
            });
        }

        @Test
        void a_proxy_without_a_name_is_refused_at_the_name_field_keeping_what_was_ticked() {
            String source = addAndRefresh("Provider", inputs.resolve("provider.m3u"));
            String sourceId = source.substring(source.lastIndexOf('/') + 1);

            HttpResponse<String> refused = post(
                    "/proxies",
                    Map.of(
                            "csrf",
                            csrf,
                            "name",
                            " ",
                            "sources",
                            sourceId,
                            "numbering_mode",
                            "sequential",
                            "numbering_start",
                            "100",
                            "numbering_block_size",
                            "100",
                            "delivery_mode",
                            "redirect"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .containsPattern("<p class=\"field-error\" id=\"name-error\">name: [^<]+</p>")
                    .contains("value=\"" + sourceId + "\" checked")
                    .contains("value=\"100\"");
        }

        @Test
        void the_proxy_form_keeps_the_order_sent_the_relay_profile_chosen_and_a_filter_switched_off()
                throws IOException {
            String first = addAndRefresh("First", inputs.resolve("provider.m3u"));
            String second = addAndRefresh("Second", inputs.resolve("provider.m3u"));
            String firstId = first.substring(first.lastIndexOf('/') + 1);
            String secondId = second.substring(second.lastIndexOf('/') + 1);
            ApiClient api = new ApiClient(app);
            String profile = json.readTree(api.post("/api/v1/relay/profiles", "{\"name\":\"Phones\"}")
                            .body())
                    .get("id")
                    .asText();
            String filter = json.readTree(api.post(
                                    "/api/v1/filters",
                                    "{\"name\":\"UK\",\"domain\":\"stream_filter\",\"action\":\"include\","
                                            + "\"expression\":\"group_title equals \\\"UK\\\"\"}")
                            .body())
                    .get("id")
                    .asText();
            String body =
                    "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&name=Ordered&sources=" + secondId
                            + "&sources=" + firstId + "&filters=" + filter + "&filters_off=" + filter
                            + "&numbering_mode=sequential&numbering_start=1&numbering_block_size=100"
                            + "&delivery_mode=transcode&relay_profile=" + profile;

            HttpResponse<String> created = send(request("/proxies")
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            String location = created.headers().firstValue("Location").orElseThrow();
            JsonNode proxy =
                    json.readTree(api.get("/api/v1/proxies/" + location.substring(location.lastIndexOf('/') + 1))
                            .body());
            assertThat(proxy.get("sources").get(0).asText()).isEqualTo(secondId);
            assertThat(proxy.get("sources").get(1).asText()).isEqualTo(firstId);
            assertThat(proxy.get("relayProfile").asText()).isEqualTo(profile);
            assertThat(proxy.toString()).contains("\"active\":false");
            String form = page(location + "/edit").body();
            assertThat(form.indexOf("data-id=\"" + secondId + "\""))
                    .isLessThan(form.indexOf("data-id=\"" + firstId + "\""));
            assertThat(form)
                    .contains("<option value=\"" + profile + "\" selected>Phones</option>")
                    .contains("name=\"filters_off\" value=\"" + filter + "\" checked");
        }

        @Test
        void the_proxy_form_opens_and_closes_the_players_doors_and_a_form_without_the_boxes_keeps_them()
                throws IOException {
            ApiClient api = new ApiClient(app);
            String base = "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                    + "&numbering_mode=sequential&numbering_start=1&numbering_block_size=100&delivery_mode=proxy";

            HttpResponse<String> closed = send(request("/proxies")
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(base + "&name=Closed&doors=1")));
            HttpResponse<String> open = send(request("/proxies")
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(base + "&name=Open&doors=1&hdhomerun=on&xtream_vod=on")));
            HttpResponse<String> older = send(request("/proxies")
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(base + "&name=Older")));

            for (HttpResponse<String> created : List.of(closed, open, older)) {
                assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            }
            JsonNode closedProxy = proxyAt(api, closed);
            assertThat(closedProxy.get("hdhomerun").asBoolean()).isFalse();
            assertThat(closedProxy.get("xtreamVod").asBoolean()).isFalse();
            assertThat(proxyAt(api, open).get("hdhomerun").asBoolean()).isTrue();
            assertThat(proxyAt(api, open).get("xtreamVod").asBoolean()).isTrue();
            assertThat(proxyAt(api, older).get("hdhomerun").asBoolean()).isTrue();
            assertThat(proxyAt(api, older).get("xtreamVod").asBoolean()).isTrue();
            String closedForm = page(closed.headers().firstValue("Location").orElseThrow() + "/edit")
                    .body();
            assertThat(closedForm)
                    .contains("name=\"hdhomerun\" value=\"on\">")
                    .contains("name=\"xtream_vod\" value=\"on\">");
            String openForm = page(open.headers().firstValue("Location").orElseThrow() + "/edit")
                    .body();
            assertThat(openForm)
                    .contains("name=\"hdhomerun\" value=\"on\" checked>")
                    .contains("name=\"xtream_vod\" value=\"on\" checked>");
        }

        private JsonNode proxyAt(ApiClient api, HttpResponse<String> created) throws IOException {
            String location = created.headers().firstValue("Location").orElseThrow();
            return json.readTree(api.get("/api/v1/proxies/" + location.substring(location.lastIndexOf('/') + 1))
                    .body());
        }

        @Test
        void the_proxy_form_picks_the_tuners_relay_profile_beside_the_hdhomerun_switch() throws IOException {
            ApiClient api = new ApiClient(app);
            String profile = json.readTree(api.post("/api/v1/relay/profiles", "{\"name\":\"Living-room TV\"}")
                            .body())
                    .get("id")
                    .asText();
            String base = "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                    + "&numbering_mode=sequential&numbering_start=1&numbering_block_size=100&delivery_mode=proxy"
                    + "&doors=1&hdhomerun=on";

            HttpResponse<String> created = send(request("/proxies")
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(base + "&name=Tuned&hdhomerun_profile=" + profile)));
            HttpResponse<String> refused = send(request("/proxies")
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            base + "&name=Mistuned&hdhomerun_profile=" + UUID.randomUUID())));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            assertThat(proxyAt(api, created).get("hdhomerunProfile").asText()).isEqualTo(profile);
            assertThat(page(created.headers().firstValue("Location").orElseThrow() + "/edit")
                            .body())
                    .contains("<select id=\"hdhomerun_profile\" name=\"hdhomerun_profile\">")
                    .contains("<option value=\"" + profile + "\" selected>Living-room TV</option>");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("<p class=\"field-error\" id=\"hdhomerun_profile-error\">hdhomerun_profile: ");
        }

        @Test
        void a_proxy_number_that_is_no_number_is_refused_at_its_field() {
            HttpResponse<String> refused = post(
                    "/proxies",
                    Map.of(
                            "csrf",
                            csrf,
                            "name",
                            "Living room",
                            "numbering_mode",
                            "sequential",
                            "numbering_start",
                            "one",
                            "numbering_block_size",
                            "100",
                            "delivery_mode",
                            "redirect"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains(
                            "<p class=\"field-error\" id=\"numbering_start-error\">numbering_start: 'one' (expected: a whole number)</p>");
        }
    }

    @Nested
    class Filters {
        @Test
        void the_check_marks_the_column_of_a_typo_with_the_languages_message() {
            HttpResponse<String> check = page("/filters/check?domain=stream_filter&expression="
                    + URLEncoder.encode("group_title contians \"UK\"", StandardCharsets.UTF_8));

            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.body())
                    .contains("data-column=\"13\"")
                    .contains("group_title <mark title=\"column 13\">c</mark>ontians")
                    .contains("Column 13:");
        }

        @Test
        void saving_an_invalid_expression_is_refused_at_the_expression_field() {
            HttpResponse<String> refused = post(
                    "/filters",
                    Map.of(
                            "csrf",
                            csrf,
                            "name",
                            "Broken",
                            "domain",
                            "stream_filter",
                            "action",
                            "exclude",
                            "expression",
                            "group_title contians \"UK\""));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).containsPattern("id=\"expression-error\">expression: [^<]+</p>");
        }
    }

    @Nested
    class Mapping_rules {
        private String rule(String name, String expression) {
            HttpResponse<String> created = post(
                    "/rules",
                    Map.of(
                            "csrf",
                            csrf,
                            "name",
                            name,
                            "domain",
                            "stream_mapping",
                            "expression",
                            expression,
                            "enabled",
                            "on"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            return name;
        }

        @Test
        void the_preview_shows_what_a_rule_changes() {
            addAndRefresh("Provider", inputs.resolve("provider.m3u"));

            String check = page("/rules/check?domain=stream_mapping&expression="
                            + URLEncoder.encode(
                                    "channel_name equals \"BBC One\" SET channel_name = \"BBC 1\"",
                                    StandardCharsets.UTF_8))
                    .body();

            assertThat(check).contains("id=\"preview-matched\">1<").contains("<del>BBC One</del> → BBC 1");
        }

        @Test
        void rules_are_listed_in_order_and_moved_by_their_buttons() {
            rule("first", "channel_name contains \"a\" SET group_title = \"A\"");
            rule("second", "channel_name contains \"b\" SET group_title = \"B\"");
            String listed = page("/rules").body();
            Matcher second = Pattern.compile("action=\"(/rules/[0-9a-f-]{36})/up\"")
                    .matcher(listed.substring(listed.indexOf(">second<")));
            assertThat(second.find()).isTrue();
            assertThat(listed.indexOf(">first<")).isLessThan(listed.indexOf(">second<"));

            assertThat(post(second.group(1) + "/up", Map.of("csrf", csrf)).statusCode())
                    .isEqualTo(303);

            String moved = page("/rules").body();
            assertThat(moved.indexOf(">second<")).isLessThan(moved.indexOf(">first<"));
        }

        @Test
        void rules_are_rows_to_drag_and_a_dropped_order_is_saved_whole() {
            rule("first", "channel_name contains \"a\" SET group_title = \"A\"");
            rule("second", "channel_name contains \"b\" SET group_title = \"B\"");
            String listed = page("/rules").body();
            List<String> ids = new ArrayList<>();
            Matcher row = Pattern.compile("<tr class=\"order-item\" draggable=\"true\" data-id=\"([0-9a-f-]{36})\"")
                    .matcher(listed);
            while (row.find()) {
                ids.add(row.group(1));
            }
            assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
            assertThat(listed).contains("data-order-form=\"rule-order\"");
            Collections.reverse(ids);

            HttpResponse<String> saved = post("/rules/order", Map.of("csrf", csrf, "order", String.join(",", ids)));

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            String moved = page("/rules").body();
            assertThat(moved.indexOf(">second<")).isLessThan(moved.indexOf(">first<"));
        }

        @Test
        void an_order_that_leaves_a_rule_out_is_refused_and_the_order_kept() {
            rule("first", "channel_name contains \"a\" SET group_title = \"A\"");
            rule("second", "channel_name contains \"b\" SET group_title = \"B\"");
            String listed = page("/rules").body();
            Matcher row = Pattern.compile("data-id=\"([0-9a-f-]{36})\"").matcher(listed);
            assertThat(row.find()).isTrue();

            HttpResponse<String> refused = post("/rules/order", Map.of("csrf", csrf, "order", row.group(1)));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"form-error\"");
            String kept = page("/rules").body();
            assertThat(kept.indexOf(">first<")).isLessThan(kept.indexOf(">second<"));
        }

        @Test
        void a_rule_over_a_filter_domain_is_refused_at_the_domain_field() {
            HttpResponse<String> refused = post(
                    "/rules",
                    Map.of(
                            "csrf",
                            csrf,
                            "name",
                            "wrong",
                            "domain",
                            "stream_filter",
                            "expression",
                            "channel_name contains \"a\" SET group_title = \"A\""));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"domain-error\">domain: 'stream_filter' (expected:");
        }
    }
}
