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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays channels through tvarr from a local upstream serving MPEG-TS packets. */
class RelayApiIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger upstreamConnections = new AtomicInteger();
    private HttpServer upstream;
    private TvarrApplication app;
    private ApiClient api;
    private String sourceId;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/live/", exchange -> {
            upstreamConnections.incrementAndGet();
            byte[] packets = new byte[188 * 50];
            for (int p = 0; p < 50; p++) {
                packets[p * 188] = 0x47;
            }
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 10_000; i++) {
                    out.write(packets);
                    out.flush();
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                // tvarr hung up
            }
        });
        upstream.start();
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        Path playlist = Files.writeString(
                inputs.resolve("provider.m3u"),
                "#EXTM3U\n"
                        + "#EXTINF:-1 tvg-id=\"one\",One\n" + base + "/live/1.ts\n"
                        + "#EXTINF:-1 tvg-id=\"two\",Two\n" + base + "/live/2.ts\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.RELAY_GRACE_SECONDS, "0");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        sourceId = json.readTree(api.post(
                                "/api/v1/sources/stream",
                                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri()
                                        + "\",\"maxConcurrentStreams\":1}")
                        .body())
                .get("id")
                .asText();
        api.post("/api/v1/sources/stream/" + sourceId + "/ingest", "");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !api.get("/api/v1/sources/stream/" + sourceId + "/status")
                        .body()
                        .contains("\"succeeded\"")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @AfterEach
    void stop() {
        app.close();
        upstream.stop(0);
    }

    private List<String> streamPaths(String mode) throws IOException {
        String proxy = json.readTree(api.post(
                                "/api/v1/proxies",
                                "{\"name\":\"" + mode + "\",\"sources\":[\"" + sourceId + "\"],\"deliveryMode\":\""
                                        + mode + "\"}")
                        .body())
                .get("id")
                .asText();
        return api.get("/proxy/" + proxy + ".m3u")
                .body()
                .lines()
                .filter(l -> l.startsWith("http://"))
                .map(l -> l.replaceFirst("^http://[^/]+", ""))
                .toList();
    }

    @Test
    void proxy_delivery_shares_one_upstream_and_enforces_the_source_limit() throws Exception {
        List<String> paths = streamPaths("proxy");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> first = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + paths.get(0)))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> second = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + paths.get(0)))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        try (InputStream a = first.body();
                InputStream b = second.body()) {
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).contains("video/mp2t");
            byte[] bytes = a.readNBytes(188 * 20);
            for (int p = 0; p < 20; p++) {
                assertThat(bytes[p * 188]).isEqualTo((byte) 0x47);
            }
            assertThat(b.readNBytes(188 * 20)).hasSize(188 * 20);
            assertThat(upstreamConnections).hasValue(1);
            JsonNode sessions = json.readTree(api.get("/api/v1/relay/sessions").body());
            assertThat(sessions).hasSize(1);
            assertThat(sessions.get(0).get("clients")).hasSize(2);
            assertThat(sessions.get(0).get("instance").asText())
                    .isEqualTo(app.core().instance());

            HttpResponse<String> refused = api.get(paths.get(1));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body())
                    .contains("source 'P' already uses 1 of its 1 allowed connection")
                    .doesNotContain("'s source");
            assertThat(json.readTree(api.get("/api/v1/relay/upstreams").body())
                            .get("sourceConnections")
                            .get(sourceId)
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void redirect_delivery_answers_302_head_opens_nothing_and_unknown_channels_are_404() throws Exception {
        String channelPath = streamPaths("proxy").get(0);
        String channel = channelPath.substring(channelPath.lastIndexOf('/') + 1);
        String redirectProxy = json.readTree(api.post(
                                "/api/v1/proxies",
                                "{\"name\":\"r\",\"sources\":[\"" + sourceId + "\"],\"deliveryMode\":\"redirect\"}")
                        .body())
                .get("id")
                .asText();
        HttpClient noRedirects = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> redirect = noRedirects.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + app.port() + "/proxy/" + redirectProxy + "/" + channel))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<Void> head = noRedirects.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + channelPath))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/live/1.ts");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(upstreamConnections).hasValue(0);
        assertThat(api.get("/proxy/" + redirectProxy + "/00000000-0000-0000-0000-000000000001")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/proxy/" + redirectProxy + "/not-a-channel").statusCode())
                .isEqualTo(404);
    }

    @Test
    void transcode_delivery_is_named_transcode_and_relay_is_still_read_as_its_deprecated_name() throws IOException {
        String profile = json.readTree(api.post(
                                "/api/v1/relay/profiles",
                                "{\"name\":\"copy\",\"videoCodec\":\"copy\",\"audioCodec\":\"copy\"}")
                        .body())
                .get("id")
                .asText();
        String body = "{\"name\":\"%s\",\"sources\":[\"" + sourceId + "\"],\"deliveryMode\":\"%s\",\"relayProfile\":\""
                + profile + "\"}";

        HttpResponse<String> transcode = api.post("/api/v1/proxies", body.formatted("new", "transcode"));
        HttpResponse<String> relay = api.post("/api/v1/proxies", body.formatted("old", "relay"));
        HttpResponse<String> unknown = api.post("/api/v1/proxies", body.formatted("bad", "ffmpeg"));
        HttpResponse<String> withoutProfile = api.post(
                "/api/v1/proxies",
                "{\"name\":\"np\",\"sources\":[\"" + sourceId + "\"],\"deliveryMode\":\"transcode\"}");

        assertThat(transcode.statusCode()).as(transcode.body()).isEqualTo(201);
        assertThat(json.readTree(transcode.body()).get("deliveryMode").asText()).isEqualTo("transcode");
        assertThat(relay.statusCode()).as(relay.body()).isEqualTo(201);
        String old = json.readTree(relay.body()).get("id").asText();
        assertThat(json.readTree(relay.body()).get("deliveryMode").asText()).isEqualTo("transcode");
        assertThat(json.readTree(api.get("/api/v1/proxies/" + old).body())
                        .get("deliveryMode")
                        .asText())
                .isEqualTo("transcode");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("deliveryMode: 'ffmpeg' (expected: redirect, proxy, transcode)");
        assertThat(withoutProfile.statusCode()).isEqualTo(400);
        assertThat(withoutProfile.body()).contains("relay_profile: required when delivery_mode is transcode");
        assertThat(api.get("/openapi.json").body()).contains("relay, the former name of transcode");
    }

    @Test
    void relay_profiles_are_checked_and_guarded_and_ffmpeg_is_reported() throws IOException {
        HttpResponse<String> refused = api.post(
                "/api/v1/relay/profiles",
                "{\"name\":\"bad\",\"videoCodec\":\"h264\",\"extraOutputArgs\":[\"-f\",\"image2\"]}");
        HttpResponse<String> created = api.post(
                "/api/v1/relay/profiles",
                "{\"name\":\"720p\",\"videoCodec\":\"h264\",\"audioCodec\":\"aac\",\"maxHeight\":720}");
        String profile = json.readTree(created.body()).get("id").asText();
        HttpResponse<String> proxy = api.post(
                "/api/v1/proxies",
                "{\"name\":\"tv\",\"sources\":[\"" + sourceId + "\"],\"deliveryMode\":\"relay\",\"relayProfile\":\""
                        + profile + "\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'-f' is not allowed");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(proxy.statusCode()).as(proxy.body()).isEqualTo(201);
        assertThat(api.delete("/api/v1/relay/profiles/" + profile).statusCode()).isEqualTo(409);
        HttpResponse<String> ffmpeg = api.get("/api/v1/system/ffmpeg");
        if (ffmpeg.statusCode() == 200) {
            assertThat(json.readTree(ffmpeg.body()).get("version").asText()).startsWith("ffmpeg version");
        } else {
            assertThat(ffmpeg.statusCode()).isEqualTo(503);
            assertThat(ffmpeg.body()).contains("relay.ffmpeg_path");
        }
    }
}
