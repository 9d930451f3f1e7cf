package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two accounts of one provider (one connection each) in a proxy that merges their channels by tvg-id: the merged
 * channel is listed once, a full account means the next one, and a dying account hands its players to the next.
 */
class FailoverIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer providerA;
    private HttpServer providerB;
    private TvarrApplication app;
    private ApiClient api;
    private String proxy;

    @BeforeEach
    void start() throws IOException {
        providerA = provider();
        providerB = provider();
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path a = Files.writeString(
                inputs.resolve("a.m3u"),
                "#EXTM3U\n#EXTINF:-1 tvg-id=\"news.uk\",News\n" + url(providerA, "news")
                        + "\n#EXTINF:-1 tvg-id=\"film.uk\",Film\n" + url(providerA, "film") + "\n");
        Path b = Files.writeString(
                inputs.resolve("b.m3u"),
                "#EXTM3U\n#EXTINF:-1 tvg-id=\"NEWS.uk\",News HD\n" + url(providerB, "news") + "\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.RELAY_GRACE_SECONDS, "0");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        String sourceA = source("Account A", a);
        String sourceB = source("Account B", b);
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
        providerA.stop(0);
        providerB.stop(0);
    }

    private static HttpServer provider() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/live/", exchange -> {
            byte[] packets = new byte[188 * 50];
            for (int p = 0; p < 50; p++) {
                packets[p * 188] = 0x47;
            }
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
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

    private static String url(HttpServer server, String channel) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/live/" + channel + ".ts";
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

    private List<String> mergedPlaylist() {
        HttpResponse<String> changed = api.put("/api/v1/proxies/" + proxy + "/failover", "{\"mergeBy\":\"tvg_id\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/proxies/" + proxy + "/regenerate", "").statusCode())
                .isBetween(200, 299);
        return api.get("/proxy/" + proxy + ".m3u")
                .body()
                .lines()
                .filter(l -> l.startsWith("http://"))
                .map(l -> l.replaceFirst("^http://[^/]+", ""))
                .toList();
    }

    private HttpResponse<InputStream> watch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }

    private JsonNode session(String channelPath) throws IOException {
        String channel = channelPath.substring(channelPath.lastIndexOf('/') + 1);
        for (JsonNode session : json.readTree(api.get("/api/v1/relay/sessions").body())) {
            if (session.get("channelId").asText().equals(channel)) {
                return session;
            }
        }
        throw new AssertionError("no session for " + channel);
    }

    @Test
    void the_merged_channel_is_listed_once() {
        assertThat(mergedPlaylist()).hasSize(2);
    }

    @Test
    void a_full_account_means_the_next_account_not_503() throws Exception {
        List<String> paths = mergedPlaylist();
        String news = paths.get(0);
        String film = paths.get(1);
        HttpResponse<InputStream> filmWatcher = watch(film);
        HttpResponse<InputStream> newsWatcher = watch(news);

        try (InputStream f = filmWatcher.body();
                InputStream n = newsWatcher.body()) {
            assertThat(filmWatcher.statusCode()).isEqualTo(200);
            assertThat(newsWatcher.statusCode()).isEqualTo(200);
            assertThat(n.readNBytes(188 * 20)).hasSize(188 * 20);
            assertThat(session(news).get("streamIndex").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_dying_account_hands_its_player_to_the_next_on_the_same_connection() throws Exception {
        String news = mergedPlaylist().get(0);
        HttpResponse<InputStream> watcher = watch(news);

        try (InputStream in = watcher.body()) {
            assertThat(in.readNBytes(188 * 100)).hasSize(188 * 100);
            providerA.stop(0);

            assertThat(in.readNBytes(188 * 5000)).hasSize(188 * 5000);
            JsonNode session = session(news);
            assertThat(session.get("streamIndex").asInt()).isEqualTo(1);
            assertThat(session.get("streamCount").asInt()).isEqualTo(2);
            assertThat(session.get("switches").get(0).get("to").asInt()).isEqualTo(1);
            assertThat(session.get("switches").get(0).get("reason").asText()).isNotBlank();
        }
    }

    @Nested
    class Settings {
        @Test
        void are_read_back_with_alternates_by_hand() throws IOException {
            String body = "{\"mergeBy\":\"name\",\"alternates\":[{\"channelId\":\"" + java.util.UUID.randomUUID()
                    + "\",\"alternates\":[\"" + java.util.UUID.randomUUID() + "\"]}]}";

            assertThat(api.put("/api/v1/proxies/" + proxy + "/failover", body).statusCode())
                    .isEqualTo(200);

            JsonNode read = json.readTree(
                    api.get("/api/v1/proxies/" + proxy + "/failover").body());
            assertThat(read.get("mergeBy").asText()).isEqualTo("name");
            assertThat(read.get("alternates")).hasSize(1);
        }

        @Test
        void a_bad_merge_rule_is_a_problem_naming_it_and_keeps_the_stored_settings() throws IOException {
            api.put("/api/v1/proxies/" + proxy + "/failover", "{\"mergeBy\":\"tvg_id\"}");

            HttpResponse<String> refused = api.put("/api/v1/proxies/" + proxy + "/failover", "{\"mergeBy\":\"fuzzy\"}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("mergeBy").contains("fuzzy");
            assertThat(json.readTree(api.get("/api/v1/proxies/" + proxy + "/failover")
                                    .body())
                            .get("mergeBy")
                            .asText())
                    .isEqualTo("tvg_id");
        }

        @Test
        void an_alternate_that_is_not_a_channel_id_is_a_problem_naming_its_place() {
            HttpResponse<String> refused = api.put(
                    "/api/v1/proxies/" + proxy + "/failover",
                    "{\"mergeBy\":\"none\",\"alternates\":[{\"channelId\":\"" + java.util.UUID.randomUUID()
                            + "\",\"alternates\":[\"BBC\"]}]}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("alternates[0].alternates[0]");
        }

        @Test
        void an_unknown_proxy_is_not_found() {
            assertThat(api.get("/api/v1/proxies/" + java.util.UUID.randomUUID() + "/failover")
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}
