package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.SampleMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A proxy as an Xtream Codes account on a real server: a player logs in, lists categories and streams, plays a
 * stream through the relay (ffprobe reads it) and reads the guide; wrong logins, expired accounts and a user's
 * connection limit answer as panels do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XtreamApiIT {
    private String sourceId;
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService upstreamThreads = Executors.newCachedThreadPool();
    private HttpServer upstream;
    private byte[] media;
    private TvarrApplication app;
    private ApiClient api;
    private String proxyId;

    @BeforeAll
    void start() throws Exception {
        media = sample();
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/live/", this::endless);
        upstream.setExecutor(upstreamThreads);
        upstream.start();
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/live/";
        Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" tvg-logo="http://img.example/bbc1.png" group-title="UK",BBC One
                %s1.ts
                #EXTINF:-1 tvg-id="news.uk" group-title="News",News 24
                %s2.ts
                #EXTINF:-1 group-title="UK",ITV 1
                %s3.ts
                """.formatted(base, base, base));
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Files.writeString(
                inputs.resolve("guide.xml"),
                "<?xml version=\"1.0\"?><tv>"
                        + "<channel id=\"bbc1.uk\"><display-name>BBC One</display-name></channel>"
                        + "<channel id=\"news.uk\"><display-name>News 24</display-name></channel>"
                        + programme("bbc1.uk", hour, "News at One", "Headlines & weather")
                        + programme("bbc1.uk", hour.plus(Duration.ofHours(1)), "Doctors", "Drama")
                        + programme("news.uk", hour, "Breakfast", "Morning news")
                        + "</tv>");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        String source = create(
                "/api/v1/sources/stream",
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\""
                        + inputs.resolve("provider.m3u").toUri() + "\"}");
        String guide = create(
                "/api/v1/sources/epg",
                "{\"name\":\"Guide\",\"kind\":\"xmltv\",\"url\":\""
                        + inputs.resolve("guide.xml").toUri() + "\"}");
        ingest("/api/v1/sources/stream/" + source);
        ingest("/api/v1/sources/epg/" + guide);
        sourceId = source;
        proxyId = create(
                "/api/v1/proxies",
                "{\"name\":\"Living Room\",\"sources\":[\"" + source + "\"],\"epgSources\":[\"" + guide
                        + "\"],\"numberingMode\":\"sequential\",\"numberingStart\":101,\"deliveryMode\":\"proxy\"}");
        create(users(), "{\"username\":\"alice\",\"password\":\"secret1\",\"maxConnections\":1}");
        create(users(), "{\"username\":\"old\",\"password\":\"secret1\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        upstream.stop(0);
        upstreamThreads.shutdownNow();
    }

    private String users() {
        return "/api/v1/proxies/" + proxyId + "/users";
    }

    @Nested
    class Login {
        @Test
        void answers_user_info_and_server_info_with_the_types_panels_send() throws IOException {
            JsonNode answer = afterAlicesEarlierStreamsEnded();

            JsonNode user = answer.get("user_info");
            assertThat(user.get("auth").isInt()).isTrue();
            assertThat(user.get("auth").asInt()).isEqualTo(1);
            assertThat(user.get("status").asText()).isEqualTo("Active");
            assertThat(user.get("username").asText()).isEqualTo("alice");
            assertThat(user.get("max_connections").isTextual()).isTrue();
            assertThat(user.get("max_connections").asText()).isEqualTo("1");
            assertThat(user.get("active_cons").asText()).isEqualTo("0");
            assertThat(user.get("exp_date").isNull()).isTrue();
            assertThat(user.get("allowed_output_formats"))
                    .extracting(JsonNode::asText)
                    .contains("ts", "m3u8");
            JsonNode server = answer.get("server_info");
            assertThat(server.get("url").asText()).isEqualTo("127.0.0.1");
            assertThat(server.get("port").asText()).isEqualTo(Integer.toString(app.port()));
            assertThat(server.get("server_protocol").asText()).isEqualTo("http");
            assertThat(server.get("timezone").asText()).isEqualTo("UTC");
            assertThat(server.get("timestamp_now").isNumber()).isTrue();
            assertThat(server.get("time_now").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        }

        @Test
        void get_profile_and_get_server_info_answer_the_login_as_panels_do() throws IOException {
            JsonNode login = playerApi("alice", "secret1", "");

            for (String action : List.of("get_profile", "get_server_info")) {
                JsonNode answer = playerApi("alice", "secret1", action);
                assertThat(answer.get("user_info")).as(action).isEqualTo(login.get("user_info"));
                assertThat(answer.get("server_info").get("url").asText()).isEqualTo("127.0.0.1");
            }
        }

        @Test
        void a_wrong_password_answers_auth_0_as_a_panel_does() throws IOException {
            HttpResponse<String> answer = api.get("/player_api.php?username=alice&password=wrong");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(json.readTree(answer.body())).isEqualTo(json.readTree("{\"user_info\":{\"auth\":0}}"));
            assertThat(api.get("/player_api.php?username=alice&password=wrong&action=get_live_streams")
                            .body())
                    .isEqualTo("{\"user_info\":{\"auth\":0}}");
        }

        @Test
        void an_expired_user_is_told_so_and_sees_no_streams() throws IOException {
            JsonNode answer = playerApi("old", "secret1", "");

            assertThat(answer.get("user_info").get("auth").asInt()).isEqualTo(1);
            assertThat(answer.get("user_info").get("status").asText()).isEqualTo("Expired");
            assertThat(answer.get("user_info").get("exp_date").asText()).isEqualTo("1577836800");
            assertThat(playerApi("old", "secret1", "get_live_streams")).isEmpty();
            assertThat(status("/live/old/secret1/" + streamId("BBC One") + ".ts"))
                    .isEqualTo(403);
        }
    }

    @Test
    void the_proxys_api_answer_lists_the_xtream_server_and_its_users() throws IOException {
        JsonNode proxy = json.readTree(api.get("/api/v1/proxies/" + proxyId).body());

        assertThat(proxy.get("xtreamServerPath").asText()).isEqualTo("/");
        assertThat(proxy.get("xtreamUsernames")).extracting(JsonNode::asText).containsExactly("alice", "old");
    }

    @Nested
    class Lineup {
        @Test
        void categories_are_the_proxys_groups_with_stable_string_ids() throws IOException {
            JsonNode categories = playerApi("alice", "secret1", "get_live_categories");

            assertThat(categories)
                    .extracting(c -> c.get("category_name").asText())
                    .containsExactly("UK", "News");
            assertThat(categories.get(0).get("category_id").isTextual()).isTrue();
            assertThat(playerApi("alice", "secret1", "get_live_categories")).isEqualTo(categories);
        }

        @Test
        void streams_list_the_channels_with_ids_that_survive_a_regeneration() throws IOException {
            JsonNode streams = playerApi("alice", "secret1", "get_live_streams");

            assertThat(streams).extracting(s -> s.get("name").asText()).containsExactly("BBC One", "News 24", "ITV 1");
            JsonNode bbc = streams.get(0);
            assertThat(bbc.get("stream_id").isInt()).isTrue();
            assertThat(bbc.get("num").asInt()).isEqualTo(101);
            assertThat(bbc.get("stream_type").asText()).isEqualTo("live");
            assertThat(bbc.get("epg_channel_id").asText()).isEqualTo("bbc1.uk");
            assertThat(bbc.get("stream_icon").asText()).isEqualTo("http://img.example/bbc1.png");
            assertThat(bbc.get("category_id").isTextual()).isTrue();
            assertThat(bbc.get("added").isTextual()).isTrue();
            assertThat(api.post("/api/v1/proxies/" + proxyId + "/regenerate", "")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(playerApi("alice", "secret1", "get_live_streams")).isEqualTo(streams);
        }

        @Test
        void streams_filter_by_category() throws IOException {
            JsonNode news = playerApi("alice", "secret1", "get_live_categories").get(1);

            JsonNode streams = playerApi(
                    "alice",
                    "secret1",
                    "get_live_streams&category_id=" + news.get("category_id").asText());

            assertThat(streams).extracting(s -> s.get("name").asText()).containsExactly("News 24");
        }

        @Test
        void vod_and_series_answer_empty_lists() throws IOException {
            for (String action :
                    List.of("get_vod_categories", "get_vod_streams", "get_series_categories", "get_series")) {
                assertThat(playerApi("alice", "secret1", action)).as(action).isEmpty();
            }
        }

        @Test
        void get_php_writes_an_m3u_plus_playlist_of_live_urls() {
            String m3u = api.get("/get.php?username=alice&password=secret1&type=m3u_plus&output=ts")
                    .body();

            String base = "http://127.0.0.1:" + app.port();
            assertThat(m3u)
                    .startsWith("#EXTM3U url-tvg=\"" + base + "/xmltv.php?username=alice&password=secret1\"")
                    .contains("tvg-id=\"bbc1.uk\"", "group-title=\"UK\",BBC One")
                    .contains(base + "/live/alice/secret1/");
            assertThat(api.get("/get.php?username=alice&password=secret1&type=m3u_plus&output=m3u8")
                            .body())
                    .contains(".m3u8\n");
            assertThat(api.get("/get.php?username=alice&password=wrong&type=m3u_plus")
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Nested
    class Guide {
        @Test
        void short_epg_lists_the_next_programmes_in_base64() throws IOException {
            JsonNode epg = playerApi("alice", "secret1", "get_short_epg&stream_id=" + streamId("BBC One") + "&limit=1");

            JsonNode listings = epg.get("epg_listings");
            assertThat(listings).hasSize(1);
            JsonNode first = listings.get(0);
            assertThat(decode(first.get("title").asText())).isEqualTo("News at One");
            assertThat(decode(first.get("description").asText())).isEqualTo("Headlines & weather");
            assertThat(first.get("channel_id").asText()).isEqualTo("bbc1.uk");
            assertThat(first.get("start_timestamp").isTextual()).isTrue();
            assertThat(first.get("start").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(first.get("stop").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        }

        /**
         * A panel's short EPG sends {@code end} as epoch seconds (and the end's local time as {@code stop}), unlike its
         * data table: @iptv/xtream-api reads it as a number and got no end from tvarr's local time.
         */
        @Test
        void short_epg_sends_end_as_epoch_seconds_as_panels_do() throws IOException {
            JsonNode first = playerApi(
                            "alice", "secret1", "get_short_epg&stream_id=" + streamId("BBC One") + "&limit=1")
                    .get("epg_listings")
                    .get(0);

            assertThat(first.get("end").isTextual()).isTrue();
            assertThat(first.get("end").asText())
                    .isEqualTo(first.get("stop_timestamp").asText());
        }

        @Test
        void simple_data_table_lists_every_programme_and_what_plays_now() throws IOException {
            JsonNode listings = playerApi("alice", "secret1", "get_simple_data_table&stream_id=" + streamId("BBC One"))
                    .get("epg_listings");

            assertThat(listings)
                    .extracting(p -> decode(p.get("title").asText()))
                    .containsExactly("News at One", "Doctors");
            assertThat(listings.get(0).get("now_playing").asInt()).isEqualTo(1);
            assertThat(listings.get(1).get("now_playing").asInt()).isEqualTo(0);
        }

        @Test
        void xmltv_php_is_the_proxys_guide() {
            assertThat(api.get("/xmltv.php?username=alice&password=secret1").body())
                    .contains("<channel id=\"bbc1.uk\">", "News at One");
            assertThat(api.get("/xmltv.php?username=alice&password=nope").statusCode())
                    .isEqualTo(401);
        }
    }

    @Nested
    class Playing {
        /**
         * Alice has one connection, and the stream an earlier test hung up on is released asynchronously: under load it
         * may still hold that connection when the next test starts, which would refuse that test's first stream.
         */
        @BeforeEach
        void alicesEarlierStreamsEnded() throws IOException {
            awaitActiveConnections(0);
        }

        @Test
        void a_stream_plays_through_the_relay_as_mpeg_ts() throws Exception {
            byte[] bytes = read("/live/alice/secret1/" + streamId("BBC One") + ".ts", 400_000);

            assertThat(bytes).hasSizeGreaterThan(188 * 100);
            assertThat(bytes[0]).isEqualTo((byte) 0x47);
            assertThat(ffprobe(bytes)).contains("video");
        }

        @Test
        void the_access_log_never_carries_the_password() throws Exception {
            ListAppender<ILoggingEvent> logs = new ListAppender<>();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            logs.start();
            root.addAppender(logs);
            try {
                read("/live/alice/secret1/" + streamId("BBC One") + ".ts", 188 * 10);
                api.get("/live/alice/secret1/" + streamId("BBC One") + ".m3u8");
            } finally {
                root.detachAppender(logs);
            }

            assertThat(logs.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.contains("path=/live/***/***/"))
                    .noneMatch(line -> line.contains("secret1"));
        }

        @Test
        void m3u8_is_sent_to_the_ts_stream() {
            HttpResponse<String> answer = api.get("/live/alice/secret1/" + streamId("BBC One") + ".m3u8");

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(".ts");
        }

        @Test
        void a_wrong_password_is_refused() {
            assertThat(status("/live/alice/wrong/" + streamId("BBC One") + ".ts"))
                    .isEqualTo(401);
        }

        @Test
        void an_unknown_stream_is_not_found() {
            assertThat(status("/live/alice/secret1/7.ts")).isEqualTo(404);
        }

        @Test
        void a_second_stream_beyond_the_users_limit_is_refused() throws Exception {
            HttpRequest first = HttpRequest.newBuilder(uri("/live/alice/secret1/" + streamId("BBC One") + ".ts"))
                    .build();
            HttpResponse<InputStream> watching = http.send(first, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = watching.body()) {
                assertThat(watching.statusCode())
                        .as(() -> "the first stream answered " + watching.statusCode() + ": " + body(in))
                        .isEqualTo(200);
                in.readNBytes(188 * 10);
                assertThat(playerApi("alice", "secret1", "")
                                .get("user_info")
                                .get("active_cons")
                                .asText())
                        .isEqualTo("1");

                HttpResponse<String> second = api.get("/live/alice/secret1/" + streamId("News 24") + ".ts");

                assertThat(second.statusCode()).isEqualTo(503);
                assertThat(second.body()).contains("user 'alice': all 1 connection(s) in use");
            }
            awaitActiveConnections(0);
            assertThat(read("/live/alice/secret1/" + streamId("News 24") + ".ts", 188 * 10))
                    .isNotEmpty();
        }
    }

    /** A redirect proxy's user: tvarr never sees the player stop, so each player's redirect holds a lease. */
    @Nested
    class Redirecting {
        @Test
        void a_redirect_holds_one_of_the_users_connections_and_the_same_player_may_zap() throws Exception {
            String hall = create(
                    "/api/v1/proxies",
                    "{\"name\":\"Hall\",\"sources\":[\"" + sourceId + "\"],\"deliveryMode\":\"redirect\"}");
            create("/api/v1/proxies/" + hall + "/users", "{\"username\":\"bob\",\"password\":\"secret2\"}");
            int bbc = -1;
            int news = -1;
            Instant published = Instant.now().plusSeconds(20);
            while (playerApi("bob", "secret2", "get_live_streams").isEmpty()
                    && Instant.now().isBefore(published)) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            for (JsonNode stream : playerApi("bob", "secret2", "get_live_streams")) {
                if (stream.get("name").asText().equals("BBC One")) {
                    bbc = stream.get("stream_id").asInt();
                } else if (stream.get("name").asText().equals("News 24")) {
                    news = stream.get("stream_id").asInt();
                }
            }
            assertThat(playerApi("bob", "secret2", "")
                            .get("user_info")
                            .get("active_cons")
                            .asText())
                    .isEqualTo("0");

            HttpResponse<String> first = api.get("/live/bob/secret2/" + bbc + ".ts");
            HttpResponse<String> zapped = api.get("/live/bob/secret2/" + news + ".ts");

            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/live/1.ts");
            assertThat(zapped.statusCode())
                    .as("the same player, within its lease")
                    .isEqualTo(302);
            assertThat(playerApi("bob", "secret2", "")
                            .get("user_info")
                            .get("active_cons")
                            .asText())
                    .isEqualTo("1");
        }
    }

    /**
     * The login answer once the streams earlier tests played as alice have been let go: a stream whose player hung up
     * is released asynchronously, so under load it may still count for a moment after its test ended.
     */
    private JsonNode afterAlicesEarlierStreamsEnded() throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        JsonNode answer = playerApi("alice", "secret1", "");
        while (!answer.get("user_info").get("active_cons").asText().equals("0")
                && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            answer = playerApi("alice", "secret1", "");
        }
        return answer;
    }

    private JsonNode playerApi(String username, String password, String action) throws IOException {
        String query = "/player_api.php?username=" + username + "&password=" + password
                + (action.isEmpty() ? "" : "&action=" + action);
        HttpResponse<String> answer = api.get(query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json.readTree(answer.body());
    }

    private int streamId(String name) {
        try {
            for (JsonNode stream : playerApi("alice", "secret1", "get_live_streams")) {
                if (stream.get("name").asText().equals(name)) {
                    return stream.get("stream_id").asInt();
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no stream named " + name);
    }

    private void awaitActiveConnections(int expected) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (playerApi("alice", "secret1", "")
                    .get("user_info")
                    .get("active_cons")
                    .asText()
                    .equals(Integer.toString(expected))) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("active connections did not drop to " + expected);
    }

    private byte[] read(String path, int bytes) throws Exception {
        HttpResponse<InputStream> answer =
                http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = answer.body()) {
            assertThat(answer.statusCode())
                    .as(() -> path + " answered " + answer.statusCode() + ": " + body(in))
                    .isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).isEqualTo("video/mp2t");
            return in.readNBytes(bytes);
        }
    }

    private static String body(InputStream in) {
        try {
            return new String(in.readNBytes(2000), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private int status(String path) {
        return api.get(path).statusCode();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private String ffprobe(byte[] bytes) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "played", ".ts"), bytes);
        Process probe = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_type",
                        "-of",
                        "csv=p=0",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(out).isZero();
        return out;
    }

    /** The sample again and again, as a live channel sends, until the relay hangs up. */
    private void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (!Thread.currentThread().isInterrupted()) {
                for (int at = 0; at < media.length; at += 188 * 100) {
                    out.write(media, at, Math.min(188 * 100, media.length - at));
                    out.flush();
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                }
            }
        } catch (IOException e) {
            // the relay hung up: the channel's last viewer left
        }
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private void ingest(String path) throws IOException {
        assertThat(api.post(path + "/ingest", "").statusCode()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = json.readTree(api.get(path + "/status").body());
            if (!status.get("state").asText().equals("ingesting")) {
                assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("succeeded");
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("ingestion of " + path + " did not finish");
    }

    private static String programme(String channel, Instant start, String title, String description) {
        return "<programme start=\"" + XMLTV.format(start) + "\" stop=\""
                + XMLTV.format(start.plus(Duration.ofHours(1))) + "\" channel=\"" + channel + "\"><title lang=\"en\">"
                + title.replace("&", "&amp;") + "</title><desc>" + description.replace("&", "&amp;")
                + "</desc></programme>";
    }

    /** Eight seconds of real MPEG-TS made by FFmpeg, so ffprobe reads what the relay passes on. */
    private byte[] sample() throws Exception {
        Path sample = dir.resolve("sample.ts");
        List<String> command = new ArrayList<>(List.of("ffmpeg"));
        command.addAll(SampleMedia.mpegTsArguments(sample, 8));
        Process make;
        try {
            make = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed: the Xtream door plays real MPEG-TS checked by ffprobe");
            throw e;
        }
        assertThat(make.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllBytes(sample);
    }
}
