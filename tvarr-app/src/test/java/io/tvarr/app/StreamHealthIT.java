package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.SampleMedia;
import io.tvarr.domain.SampleUpstream;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream checks through the API and the pages, with the real ffprobe: account A has a working channel (a small
 * H.264/AAC MPEG-TS made by FFmpeg) and a dead one (404); account B carries the same news channel, merged by tvg-id,
 * so failover can pass over A's dead stream.
 */
class StreamHealthIT {
    @TempDir
    static Path media;

    static Path sample;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger deadRequests = new AtomicInteger();
    private SampleUpstream film;
    private HttpServer providerA;
    private HttpServer providerB;
    private TvarrApplication app;
    private ApiClient api;
    private String sourceA;
    private String sourceB;
    private String proxy;

    @BeforeAll
    static void makeSample() throws Exception {
        sample = media.resolve("sample.ts");
        List<String> command = new ArrayList<>(List.of("ffmpeg"));
        command.addAll(SampleMedia.h264AacTsArguments(sample, 3));
        Process make;
        try {
            make = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed, skipping the stream check tests: " + e.getMessage());
            return;
        }
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor()).as(output).isZero();
    }

    @BeforeEach
    void start() throws IOException {
        film = SampleUpstream.serving(sample, 2_000_000, true);
        providerA = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        providerA.createContext("/live/", exchange -> {
            deadRequests.incrementAndGet();
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        providerA.start();
        providerB = packets();
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path a = Files.writeString(
                inputs.resolve("a.m3u"),
                "#EXTM3U\n#EXTINF:-1 tvg-id=\"news.uk\",News\nhttp://127.0.0.1:"
                        + providerA.getAddress().getPort() + "/live/news.ts\n#EXTINF:-1 tvg-id=\"film.uk\",Film\n"
                        + film.url() + "\n");
        Path b = Files.writeString(
                inputs.resolve("b.m3u"),
                "#EXTM3U\n#EXTINF:-1 tvg-id=\"NEWS.uk\",News HD\nhttp://127.0.0.1:"
                        + providerB.getAddress().getPort() + "/live/news.ts\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.RELAY_GRACE_SECONDS, "0");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        sourceA = source("Account A", a);
        sourceB = source("Account B", b);
        proxy = json.readTree(api.post(
                                "/api/v1/proxies",
                                "{\"name\":\"Merged\",\"sources\":[\"" + sourceA + "\",\"" + sourceB
                                        + "\"],\"deliveryMode\":\"proxy\"}")
                        .body())
                .get("id")
                .asText();
    }

    @AfterEach
    void stop() {
        app.close();
        film.close();
        providerA.stop(0);
        providerB.stop(0);
    }

    /** A provider sending bare TS packets, enough for the relay. */
    private static HttpServer packets() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/live/", exchange -> {
            byte[] packets = new byte[188 * 50];
            for (int p = 0; p < 50; p++) {
                packets[p * 188] = 0x47;
            }
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 20_000; i++) {
                    out.write(packets);
                    out.flush();
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                // tvarr hung up, or the provider was stopped
            }
        });
        server.start();
        return server;
    }

    private String source(String name, Path playlist) throws IOException {
        String id = json.readTree(api.post(
                                "/api/v1/sources/stream",
                                "{\"name\":\"" + name + "\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri()
                                        + "\",\"maxConcurrentStreams\":1}")
                        .body())
                .get("id")
                .asText();
        api.post("/api/v1/sources/stream/" + id + "/ingest", "");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !api.get("/api/v1/sources/stream/" + id + "/status").body().contains("\"succeeded\"")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return id;
    }

    private JsonNode checkNow(String source) throws IOException {
        HttpResponse<String> run = api.post("/api/v1/sources/stream/" + source + "/health/check", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        return json.readTree(run.body());
    }

    private JsonNode result(JsonNode page, String name) {
        for (JsonNode item : page.get("items")) {
            if (item.get("channelName").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no result for " + name + " in " + page);
    }

    @Nested
    class Checks {
        @Test
        void record_the_working_stream_with_its_codecs_and_the_dead_one_broken_with_the_reason() throws IOException {
            JsonNode run = checkNow(sourceA);

            assertThat(run.get("checked").asInt()).isEqualTo(2);
            assertThat(run.get("working").asInt()).isEqualTo(1);
            assertThat(run.get("broken").asInt()).isEqualTo(1);
            JsonNode page = json.readTree(
                    api.get("/api/v1/sources/stream/" + sourceA + "/health").body());
            assertThat(page.get("total").asLong()).isEqualTo(2);
            assertThat(page.get("working").asLong()).isEqualTo(1);
            JsonNode working = result(page, "Film");
            assertThat(working.get("status").asText()).isEqualTo("working");
            assertThat(working.get("videoCodec").asText()).isEqualTo("h264");
            assertThat(working.get("audioCodec").asText()).isEqualTo("aac");
            JsonNode broken = result(page, "News");
            assertThat(broken.get("status").asText()).isEqualTo("broken");
            assertThat(broken.get("reason").asText()).contains("404");
        }

        @Test
        void a_source_whose_one_connection_is_in_use_gets_no_probe() throws Exception {
            String news = mergedNews();
            HttpResponse<InputStream> watcher = watch(news);
            try (InputStream in = watcher.body()) {
                assertThat(in.readNBytes(188 * 10)).hasSize(188 * 10);

                JsonNode run = checkNow(sourceB);

                assertThat(run.get("checked").asInt()).isZero();
                assertThat(run.get("skipped").asInt()).isEqualTo(1);
            }
        }

        @Test
        void of_an_unknown_source_are_a_404_problem() {
            HttpResponse<String> missing =
                    api.post("/api/v1/sources/stream/" + java.util.UUID.randomUUID() + "/health/check", "");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }

        @Test
        void a_page_size_out_of_range_is_a_problem_naming_it() {
            HttpResponse<String> refused = api.get("/api/v1/sources/stream/" + sourceA + "/health?size=0");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("size");
        }
    }

    @Nested
    class Failover {
        @Test
        void passes_over_a_stream_a_check_found_broken_without_asking_its_provider() throws Exception {
            String news = mergedNews();
            checkNow(sourceA);
            int asked = deadRequests.get();

            HttpResponse<InputStream> watcher = watch(news);
            try (InputStream in = watcher.body()) {
                assertThat(watcher.statusCode()).isEqualTo(200);
                assertThat(in.readNBytes(188 * 20)).hasSize(188 * 20);
                JsonNode session =
                        json.readTree(api.get("/api/v1/relay/sessions").body()).get(0);
                assertThat(session.get("streamIndex").asInt()).isEqualTo(1);
                assertThat(session.get("switches")).isEmpty();
            }
            assertThat(deadRequests.get()).isEqualTo(asked);
        }
    }

    @Nested
    class Settings {
        @Test
        void are_off_by_default_and_read_back_as_saved() throws IOException {
            JsonNode before = json.readTree(api.get("/api/v1/sources/stream/" + sourceA + "/health/settings")
                    .body());
            assertThat(before.get("enabled").asBoolean()).isFalse();

            HttpResponse<String> saved = api.put(
                    "/api/v1/sources/stream/" + sourceA + "/health/settings",
                    "{\"enabled\":true,\"schedule\":\"*/30 * * * *\",\"maxChecksPerRun\":5}");

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            JsonNode after = json.readTree(api.get("/api/v1/sources/stream/" + sourceA + "/health/settings")
                    .body());
            assertThat(after.get("enabled").asBoolean()).isTrue();
            assertThat(after.get("schedule").asText()).isEqualTo("*/30 * * * *");
            assertThat(after.get("maxChecksPerRun").asInt()).isEqualTo(5);
            assertThat(api.get("/api/v1/jobs/schedule").body()).contains("Account A stream checks");
        }

        @Test
        void a_bad_schedule_is_a_problem_naming_it_and_keeps_the_stored_settings() throws IOException {
            api.put(
                    "/api/v1/sources/stream/" + sourceA + "/health/settings",
                    "{\"enabled\":true,\"maxChecksPerRun\":3}");

            HttpResponse<String> refused = api.put(
                    "/api/v1/sources/stream/" + sourceA + "/health/settings",
                    "{\"enabled\":true,\"schedule\":\"every tuesday\"}");
            HttpResponse<String> tooMany = api.put(
                    "/api/v1/sources/stream/" + sourceA + "/health/settings",
                    "{\"enabled\":true,\"maxChecksPerRun\":5000}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("schedule");
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooMany.body()).contains("max_checks_per_run");
            JsonNode kept = json.readTree(api.get("/api/v1/sources/stream/" + sourceA + "/health/settings")
                    .body());
            assertThat(kept.get("maxChecksPerRun").asInt()).isEqualTo(3);
        }

        @Test
        void without_enabled_are_refused() {
            HttpResponse<String> refused =
                    api.put("/api/v1/sources/stream/" + sourceA + "/health/settings", "{\"schedule\":\"@hourly\"}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("enabled");
        }
    }

    @Nested
    class Pages {
        @Test
        void the_source_page_and_the_channel_page_show_the_checks() throws Exception {
            checkNow(sourceA);
            JsonNode page = json.readTree(
                    api.get("/api/v1/sources/stream/" + sourceA + "/health").body());
            String deadChannel = result(page, "News").get("channelId").asText();

            String sourcePage = html("/sources/" + sourceA);
            String channelPage = html("/channels/" + deadChannel);

            assertThat(sourcePage).contains("Stream health").contains("1 working, 1 broken");
            assertThat(channelPage)
                    .contains("id=\"stream-health\"")
                    .contains("broken: ")
                    .contains("404");
        }
    }

    @Nested
    class Settings_on_the_source_page {
        @Test
        void are_saved_from_the_form_and_shown_on_the_page() throws Exception {
            HttpResponse<String> saved = postForm(
                    "/sources/" + sourceA + "/health", "enabled=on&schedule=*%2F30+*+*+*+*&max_checks_per_run=7");

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            JsonNode stored = json.readTree(api.get("/api/v1/sources/stream/" + sourceA + "/health/settings")
                    .body());
            assertThat(stored.get("enabled").asBoolean()).isTrue();
            assertThat(stored.get("schedule").asText()).isEqualTo("*/30 * * * *");
            assertThat(stored.get("maxChecksPerRun").asInt()).isEqualTo(7);
            assertThat(html("/sources/" + sourceA))
                    .contains("id=\"health-enabled\" checked")
                    .contains("value=\"*/30 * * * *\"")
                    .contains("value=\"7\"");
        }

        @Test
        void a_bad_schedule_is_shown_at_its_field_and_the_stored_settings_kept() throws Exception {
            postForm("/sources/" + sourceA + "/health", "enabled=on&schedule=%40hourly&max_checks_per_run=3");

            HttpResponse<String> refused = postForm(
                    "/sources/" + sourceA + "/health", "enabled=on&schedule=every+tuesday&max_checks_per_run=3");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"health-schedule-error\"").contains("every tuesday");
            JsonNode kept = json.readTree(api.get("/api/v1/sources/stream/" + sourceA + "/health/settings")
                    .body());
            assertThat(kept.get("schedule").asText()).isEqualTo("@hourly");
        }

        @Test
        void a_count_that_is_no_number_is_shown_at_its_field() throws Exception {
            HttpResponse<String> refused = postForm(
                    "/sources/" + sourceA + "/health", "enabled=on&schedule=%40hourly&max_checks_per_run=lots");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"health-max_checks_per_run-error\"");
        }

        @Test
        void are_not_offered_for_guides() throws Exception {
            String guide = json.readTree(api.post(
                                    "/api/v1/sources/epg",
                                    "{\"name\":\"Guide\",\"kind\":\"xmltv\",\"url\":\"http://127.0.0.1:1/g.xml\"}")
                            .body())
                    .get("id")
                    .asText();

            assertThat(html("/guides/" + guide)).doesNotContain("id=\"health-settings\"");
            assertThat(postForm("/guides/" + guide + "/health", "enabled=on&schedule=%40hourly&max_checks_per_run=3")
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    private HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .header("Accept", "text/html")
                                .header("Authorization", api.authorization())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String mergedNews() {
        HttpResponse<String> changed = api.put("/api/v1/proxies/" + proxy + "/failover", "{\"mergeBy\":\"tvg_id\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/proxies/" + proxy + "/regenerate", "").statusCode())
                .isBetween(200, 299);
        return api.get("/proxy/" + proxy + ".m3u")
                .body()
                .lines()
                .filter(l -> l.startsWith("http://"))
                .map(l -> l.replaceFirst("^http://[^/]+", ""))
                .toList()
                .get(0);
    }

    private HttpResponse<InputStream> watch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }

    private String html(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .header("Accept", "text/html")
                                .header("Authorization", api.authorization())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
