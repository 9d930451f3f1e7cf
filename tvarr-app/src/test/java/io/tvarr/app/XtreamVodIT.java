package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy of an Xtream panel's movies and series on a real server, as a player walks it: login, VOD categories,
 * movies, a movie's info, the movie's bytes through the relay from a local fake panel, series, a series' info and
 * an episode's bytes; a wrong password answers auth 0, and the proxy's switch turns VOD off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XtreamVodIT {
    private static final Map<String, String> PANEL = Map.of(
            "",
            "{\"user_info\":{\"auth\":1,\"status\":\"Active\",\"max_connections\":\"2\"},\"server_info\":{}}",
            "get_live_categories",
            "[{\"category_id\":\"1\",\"category_name\":\"News\"}]",
            "get_live_streams",
            "[{\"num\":1,\"name\":\"News 24\",\"stream_id\":5,\"category_id\":\"1\",\"tv_archive\":1,"
                    + "\"tv_archive_duration\":\"3\"},{\"num\":2,\"name\":\"Music\",\"stream_id\":6,\"category_id\":\"1\"}]",
            "get_vod_categories",
            "[{\"category_id\":\"108\",\"category_name\":\"Comedy\"}]",
            "get_vod_streams",
            "[{\"num\":1,\"name\":\"Film\",\"stream_id\":18253,\"rating\":\"6.8\",\"rating_5based\":3.4,"
                    + "\"category_id\":\"108\",\"added\":\"1683000000\",\"stream_icon\":\"http://img.example/f.jpg\","
                    + "\"container_extension\":\"mp4\",\"direct_source\":\"http://panel/movie/user/secret/18253.mp4\"}]",
            "get_series_categories",
            "[{\"category_id\":\"7\",\"category_name\":\"Drama\"}]",
            "get_series",
            "[{\"series_id\":10,\"name\":\"The Show\",\"category_id\":\"7\",\"cover\":\"http://img.example/s.jpg\","
                    + "\"rating\":\"8\"}]",
            "get_series_info&series_id=10",
            "{\"episodes\":{\"1\":[{\"id\":\"1001\",\"episode_num\":1,\"title\":\"Pilot\","
                    + "\"container_extension\":\"mkv\",\"info\":{\"duration_secs\":2214}}],"
                    + "\"2\":[{\"id\":\"2001\",\"episode_num\":1,\"title\":\"Return\",\"container_extension\":\"mkv\"}]}}");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final byte[] EPISODE = bytes("episode-file ", 30_000);
    private static final byte[] ARCHIVE = bytes("archive ", 20_000);

    @TempDir
    static Path dir;

    /** A real MP4 with its index at the end, as players meet them, so that reading it needs seeking. */
    private byte[] movieFile;

    /** While set, the panel sends a movie's first 16 KiB and holds the rest until it is counted down. */
    private volatile @Nullable CountDownLatch holdMovie;

    private final List<String> movieRanges = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer panel;
    private TvarrApplication app;
    private ApiClient api;
    private String proxyId;
    private String proxyBody;

    @BeforeAll
    void start() throws IOException {
        panel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        panel.createContext("/player_api.php", this::answer);
        movieFile = sampleMovie();
        panel.setExecutor(Executors.newCachedThreadPool());
        panel.createContext("/movie/user/secret/18253.mp4", this::sendRanged);
        panel.createContext("/series/user/secret/1001.mkv", exchange -> send(exchange, EPISODE));
        panel.createContext("/timeshift/user/secret/60/2026-01-01:20-00/5.ts", exchange -> send(exchange, ARCHIVE));
        panel.start();
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        String source = create(
                "/api/v1/sources/stream",
                "{\"name\":\"Panel\",\"kind\":\"xtream\",\"url\":\"http://127.0.0.1:"
                        + panel.getAddress().getPort()
                        + "\",\"username\":\"user\",\"password\":\"secret\",\"includeVod\":true,"
                        + "\"includeSeries\":true,\"maxConcurrentStreams\":2}");
        ingest("/api/v1/sources/stream/" + source);
        proxyBody = "{\"name\":\"Films\",\"sources\":[\"" + source + "\"],\"deliveryMode\":\"proxy\"";
        proxyId = create("/api/v1/proxies", proxyBody + "}");
        create("/api/v1/proxies/" + proxyId + "/users", "{\"username\":\"alice\",\"password\":\"secret1\"}");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        panel.stop(0);
    }

    @Test
    void a_player_lists_and_plays_movies_and_series() throws Exception {
        assertThat(playerApi("secret1", "").get("user_info").get("auth").asInt())
                .isEqualTo(1);

        JsonNode categories = playerApi("secret1", "get_vod_categories");
        assertThat(categories).hasSize(1);
        assertThat(categories.get(0).get("category_name").asText()).isEqualTo("Comedy");
        assertThat(categories.get(0).get("category_id").isTextual()).isTrue();
        String category = categories.get(0).get("category_id").asText();

        JsonNode movies = playerApi("secret1", "get_vod_streams&category_id=" + category);
        assertThat(movies).hasSize(1);
        JsonNode movie = movies.get(0);
        assertThat(movie.get("name").asText()).isEqualTo("Film");
        assertThat(movie.get("stream_type").asText()).isEqualTo("movie");
        assertThat(movie.get("stream_id").isInt()).isTrue();
        assertThat(movie.get("rating").isTextual())
                .as("a panel's string stays a string")
                .isTrue();
        assertThat(movie.get("rating_5based").isNumber()).isTrue();
        assertThat(movie.get("added").asText()).isEqualTo("1683000000");
        assertThat(movie.get("container_extension").asText()).isEqualTo("mp4");
        assertThat(movie.get("category_id").asText()).isEqualTo(category);
        assertThat(movie.get("direct_source").asText())
                .as("the panel's URL carries its login")
                .isEmpty();
        assertThat(playerApi("secret1", "get_vod_streams&category_id=999")).isEmpty();
        int streamId = movie.get("stream_id").asInt();

        JsonNode info = playerApi("secret1", "get_vod_info&vod_id=" + streamId);
        assertThat(info.get("info").get("name").asText()).isEqualTo("Film");
        assertThat(info.get("info").get("movie_image").asText()).isEqualTo("http://img.example/f.jpg");
        assertThat(info.get("movie_data").get("stream_id").asInt()).isEqualTo(streamId);
        assertThat(info.get("movie_data").get("container_extension").asText()).isEqualTo("mp4");
        assertThat(playerApi("secret1", "get_vod_info&vod_id=7").get("info").isArray())
                .as("an unknown movie answers as panels do")
                .isTrue();

        HttpResponse<byte[]> film = play("/movie/alice/secret1/" + streamId + ".mp4");
        assertThat(film.statusCode()).isEqualTo(200);
        assertThat(film.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(film.body()).isEqualTo(movieFile);

        JsonNode seriesCategories = playerApi("secret1", "get_series_categories");
        assertThat(seriesCategories.get(0).get("category_name").asText()).isEqualTo("Drama");
        JsonNode series = playerApi("secret1", "get_series");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).get("name").asText()).isEqualTo("The Show");
        assertThat(series.get(0).get("rating").asText()).isEqualTo("8");
        int seriesId = series.get(0).get("series_id").asInt();

        JsonNode show = playerApi("secret1", "get_series_info&series_id=" + seriesId);
        assertThat(show.get("info").get("name").asText()).isEqualTo("The Show");
        assertThat(show.get("seasons"))
                .extracting(s -> s.get("season_number").asInt())
                .containsExactly(1, 2);
        JsonNode pilot = show.get("episodes").get("1").get(0);
        assertThat(pilot.get("title").asText()).isEqualTo("Pilot");
        assertThat(pilot.get("id").isTextual()).isTrue();
        assertThat(pilot.get("container_extension").asText()).isEqualTo("mkv");
        assertThat(pilot.get("info").get("duration_secs").asInt()).isEqualTo(2214);
        assertThat(show.get("episodes").get("2").get(0).get("title").asText()).isEqualTo("Return");

        HttpResponse<byte[]> episode =
                play("/series/alice/secret1/" + pilot.get("id").asText() + ".mkv");
        assertThat(episode.statusCode()).isEqualTo(200);
        assertThat(episode.headers().firstValue("Content-Type")).contains("video/x-matroska");
        assertThat(episode.body()).isEqualTo(EPISODE);
    }

    /** @iptv/xtream-api's standardized reader takes {@code info.backdrop_path[0]} and {@code tmdb_id.toString()}. */
    @Test
    void movie_info_carries_a_backdrop_list_and_a_tmdb_id_though_the_panel_listed_neither() throws Exception {
        int streamId =
                playerApi("secret1", "get_vod_streams").get(0).get("stream_id").asInt();

        JsonNode info = playerApi("secret1", "get_vod_info&vod_id=" + streamId).get("info");

        assertThat(info.get("backdrop_path").isArray()).isTrue();
        assertThat(info.get("tmdb_id").isTextual()).isTrue();
    }

    /** @iptv/xtream-api reads {@code backdrop_path[0]} of every series and destructures every episode's info. */
    @Test
    void series_carry_a_backdrop_list_and_episodes_an_info_object_though_the_panel_gave_neither() throws Exception {
        JsonNode series = playerApi("secret1", "get_series").get(0);
        JsonNode show = playerApi(
                "secret1",
                "get_series_info&series_id=" + series.get("series_id").asInt());

        assertThat(series.get("backdrop_path").isArray()).isTrue();
        assertThat(show.get("info").get("backdrop_path").isArray()).isTrue();
        assertThat(show.get("episodes").get("2").get(0).get("info").isObject()).isTrue();
    }

    /** Clients tell an unknown series by {@code info.name} being null, as panels answer it. */
    @Test
    void an_unknown_series_answers_info_with_a_null_name_as_panels_do() throws Exception {
        JsonNode show = playerApi("secret1", "get_series_info&series_id=7");

        assertThat(show.get("seasons")).isEmpty();
        assertThat(show.get("info").get("name").isNull()).isTrue();
    }

    @Test
    void a_wrong_password_answers_auth_0_and_plays_nothing() throws Exception {
        assertThat(playerApi("wrong", "get_vod_streams")).isEqualTo(json.readTree("{\"user_info\":{\"auth\":0}}"));
        int streamId =
                playerApi("secret1", "get_vod_streams").get(0).get("stream_id").asInt();
        assertThat(play("/movie/alice/wrong/" + streamId + ".mp4").statusCode()).isEqualTo(401);
        assertThat(play("/movie/alice/secret1/7.mp4").statusCode()).isEqualTo(404);
    }

    @Test
    void timeshift_plays_the_panels_archive_of_a_catch_up_channel_and_is_a_404_problem_for_others() throws Exception {
        HttpResponse<byte[]> archive =
                play("/timeshift/alice/secret1/60/2026-01-01:20-00/" + liveStreamId("News 24") + ".ts");
        HttpResponse<byte[]> none =
                play("/timeshift/alice/secret1/60/2026-01-01:20-00/" + liveStreamId("Music") + ".ts");

        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type")).contains("video/mp2t");
        assertThat(archive.body()).isEqualTo(ARCHIVE);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains("offers no catch-up");
        assertThat(play("/timeshift/alice/secret1/60/yesterday/" + liveStreamId("News 24") + ".ts")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void live_streams_list_the_catch_up_the_panel_offers_as_panels_do() throws Exception {
        JsonNode news = null;
        JsonNode music = null;
        for (JsonNode stream : playerApi("secret1", "get_live_streams")) {
            if (stream.get("name").asText().equals("News 24")) {
                news = stream;
            } else if (stream.get("name").asText().equals("Music")) {
                music = stream;
            }
        }

        assertThat(news).isNotNull();
        assertThat(news.get("tv_archive").isInt()).isTrue();
        assertThat(news.get("tv_archive").asInt()).isEqualTo(1);
        assertThat(news.get("tv_archive_duration").isTextual()).isTrue();
        assertThat(news.get("tv_archive_duration").asText()).isEqualTo("3");
        assertThat(music).isNotNull();
        assertThat(music.get("tv_archive").asInt()).isZero();
        assertThat(music.get("tv_archive_duration").isInt()).isTrue();
        assertThat(music.get("tv_archive_duration").asInt()).isZero();
    }

    private int liveStreamId(String name) throws IOException {
        for (JsonNode stream : playerApi("secret1", "get_live_streams")) {
            if (stream.get("name").asText().equals(name)) {
                return stream.get("stream_id").asInt();
            }
        }
        throw new AssertionError("no live stream named " + name);
    }

    @Nested
    class Seeking {
        @Test
        void a_range_request_reaches_the_panel_and_its_206_comes_back() throws Exception {
            HttpResponse<byte[]> part = play(movieUrl(), "bytes=1000-1999");

            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-1999/" + movieFile.length);
            assertThat(part.headers().firstValue("Content-Length")).contains("1000");
            assertThat(part.headers().firstValue("Accept-Ranges")).contains("bytes");
            assertThat(part.headers().firstValue("Content-Type")).contains("video/mp4");
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(movieFile, 1000, 2000));
            assertThat(movieRanges).contains("bytes=1000-1999");
        }

        @Test
        void a_head_request_answers_the_length_and_that_ranges_are_served() throws Exception {
            HttpResponse<Void> head = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + movieUrl()))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(movieFile.length));
            assertThat(head.headers().firstValue("Accept-Ranges")).contains("bytes");
        }

        @Test
        void a_range_past_the_end_is_a_416_as_the_panel_answers() throws Exception {
            HttpResponse<byte[]> past = play(movieUrl(), "bytes=" + (movieFile.length + 10) + "-");

            assertThat(past.statusCode()).isEqualTo(416);
            assertThat(past.headers().firstValue("Content-Range")).contains("bytes */" + movieFile.length);
        }

        @Test
        void a_panel_that_ignores_ranges_answers_200_with_the_whole_file_as_it_is() throws Exception {
            HttpResponse<byte[]> whole = play(episodeUrl(), "bytes=1000-");

            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.headers().firstValue("Content-Range")).isEmpty();
            assertThat(whole.body()).isEqualTo(EPISODE);
        }

        @Test
        void ffprobe_seeks_into_the_movie_over_http() throws Exception {
            Assumptions.assumeTrue(movieFile.length > 0 && movieFile[4] == 'f', "FFmpeg made no sample movie");
            movieRanges.clear();

            String packets = run(
                    "ffprobe",
                    "-v",
                    "error",
                    "-read_intervals",
                    "6%+#1",
                    "-select_streams",
                    "v:0",
                    "-show_entries",
                    "packet=pts_time",
                    "-of",
                    "csv=p=0",
                    "http://127.0.0.1:" + app.port() + movieUrl());

            assertThat(Double.parseDouble(packets.lines().findFirst().orElseThrow()))
                    .as("the first packet read after seeking to 6 s")
                    .isGreaterThanOrEqualTo(5.0);
            assertThat(movieRanges)
                    .as("ffprobe's seeks reached the panel as ranges")
                    .anyMatch(range -> !range.startsWith("bytes=0-"));
        }

        @Test
        void overlapping_range_requests_of_one_player_count_as_one_connection() throws Exception {
            // alice may hold one connection; a player reading two ranges of the movie at once stays within it
            CountDownLatch hold = new CountDownLatch(1);
            holdMovie = hold;
            HttpResponse<java.io.InputStream> first = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + movieUrl()))
                            .header("Range", "bytes=0-")
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = first.body()) {
                body.readNBytes(100);

                holdMovie = null;
                HttpResponse<byte[]> second = play(movieUrl(), "bytes=5000-5099");
                HttpResponse<byte[]> episode = play(episodeUrl(), null);

                assertThat(first.statusCode()).isEqualTo(206);
                assertThat(second.statusCode()).isEqualTo(206);
                assertThat(second.body()).isEqualTo(Arrays.copyOfRange(movieFile, 5000, 5100));
                assertThat(episode.statusCode())
                        .as("another file is another connection, over alice's limit")
                        .isEqualTo(503);
            } finally {
                holdMovie = null;
                hold.countDown();
            }
            awaitNoConnections();
        }

        /** A hung-up player's file is released when its next write fails, a moment later. */
        private void awaitNoConnections() throws IOException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (playerApi("secret1", "").get("user_info").get("active_cons").asInt() > 0) {
                assertThat(Instant.now()).as("alice's connections released").isBefore(deadline);
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }

        private String movieUrl() throws IOException {
            return "/movie/alice/secret1/"
                    + playerApi("secret1", "get_vod_streams")
                            .get(0)
                            .get("stream_id")
                            .asInt() + ".mp4";
        }

        private String episodeUrl() throws IOException {
            int seriesId =
                    playerApi("secret1", "get_series").get(0).get("series_id").asInt();
            JsonNode pilot = playerApi("secret1", "get_series_info&series_id=" + seriesId)
                    .get("episodes")
                    .get("1")
                    .get(0);
            return "/series/alice/secret1/" + pilot.get("id").asText() + ".mkv";
        }
    }

    @Test
    void the_proxys_switch_turns_vod_and_series_off() throws Exception {
        try {
            assertThat(api.put("/api/v1/proxies/" + proxyId, proxyBody + ",\"xtreamVod\":false}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(json.readTree(api.get("/api/v1/proxies/" + proxyId).body())
                            .get("xtreamVod")
                            .asBoolean())
                    .isFalse();

            assertThat(playerApi("secret1", "get_vod_streams")).isEmpty();
            assertThat(playerApi("secret1", "get_series")).isEmpty();
            assertThat(playerApi("secret1", "get_vod_categories")).isEmpty();
        } finally {
            api.put("/api/v1/proxies/" + proxyId, proxyBody + "}");
        }
    }

    private JsonNode playerApi(String password, String action) throws IOException {
        HttpResponse<String> answer = api.get(
                "/player_api.php?username=alice&password=" + password + (action.isEmpty() ? "" : "&action=" + action));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<byte[]> play(String path) throws Exception {
        return play(path, null);
    }

    private HttpResponse<byte[]> play(String path, @Nullable String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The panel's movieFile, honouring one byte range as nginx does. */
    private void sendRanged(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (range == null) {
            send(exchange, movieFile);
            return;
        }
        movieRanges.add(range);
        Matcher m = RANGE.matcher(range);
        if (!m.matches() || Long.parseLong(m.group(1)) >= movieFile.length) {
            exchange.getResponseHeaders().add("Content-Range", "bytes */" + movieFile.length);
            exchange.sendResponseHeaders(416, -1);
            exchange.close();
            return;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2).isEmpty()
                ? movieFile.length - 1
                : Math.min(movieFile.length - 1, Integer.parseInt(m.group(2)));
        exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + movieFile.length);
        exchange.sendResponseHeaders(206, to - from + 1);
        try (OutputStream out = exchange.getResponseBody()) {
            CountDownLatch hold = holdMovie;
            int first = hold == null ? to - from + 1 : Math.min(16 * 1024, to - from + 1);
            out.write(movieFile, from, first);
            out.flush();
            if (hold != null) {
                hold.await(20, TimeUnit.SECONDS);
            }
            out.write(movieFile, from + first, to - from + 1 - first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the relay hung up: a player seeking elsewhere
        } finally {
            exchange.close();
        }
    }

    /** Ten seconds of test pattern as MP4 (index at the end); text when FFmpeg is missing outside CI. */
    private byte[] sampleMovie() throws IOException {
        Path sample = dir.resolve("film.mp4");
        try {
            run(
                    "ffmpeg",
                    "-v",
                    "error",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc=duration=10:size=160x120:rate=10",
                    "-c:v",
                    "mpeg4",
                    "-g",
                    "10",
                    "-y",
                    sample.toString());
            return Files.readAllBytes(sample);
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            return bytes("movie-file ", 40_000);
        }
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command[0] + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command[0] + " interrupted", e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String action = query.contains("action=") ? query.replaceAll(".*action=", "") : "";
        String body = PANEL.get(action);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        send(exchange, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] bytes(String text, int times) {
        return text.repeat(times).getBytes(StandardCharsets.UTF_8);
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> created = api.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
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
}
