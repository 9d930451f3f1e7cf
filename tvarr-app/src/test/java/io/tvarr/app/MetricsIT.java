package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} as Prometheus scrapes it: open, text format, tvarr's own state with ids as labels; switchable. */
class MetricsIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TvarrApplication app;

    private TvarrApplication start(boolean metrics) throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="one" group-title="News",One
                http://up.example/1.ts
                #EXTINF:-1 tvg-id="two" group-title="News",Two
                http://up.example/2.ts
                """);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.METRICS_ENABLED, Boolean.toString(metrics));
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> scrape() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shows_sources_proxies_jobs_http_and_the_jvm_to_an_anonymous_scraper() throws Exception {
        start(true);
        ApiClient api = new ApiClient(app);
        HttpResponse<String> created = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\""
                        + dir.resolve("inputs/provider.m3u").toUri() + "\"}");
        String source = json.readTree(created.body()).get("id").asText();
        api.post("/api/v1/sources/stream/" + source + "/ingest", "");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && json.readTree(api.get("/api/v1/sources/stream/" + source + "/status")
                                .body())
                        .get("state")
                        .asText()
                        .equals("ingesting")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        JsonNode proxy =
                json.readTree(api.post("/api/v1/proxies", "{\"name\":\"Den\",\"sources\":[\"" + source + "\"]}")
                        .body());
        String proxyId = proxy.get("id").asText();
        api.post("/api/v1/proxies/" + proxyId + "/regenerate", "");

        HttpResponse<String> metrics = scrape();

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("tvarr_source_channels{source=\"" + source + "\"} 2.0")
                .contains("tvarr_source_last_ingestion_succeeded{source=\"" + source + "\"} 1.0")
                .contains("tvarr_proxy_channels{proxy=\"" + proxyId + "\"} 2.0")
                .contains("tvarr_proxy_generation_stage_duration_seconds{proxy=\"" + proxyId + "\",stage=")
                .contains("tvarr_jobs{state=\"queued\"}")
                .contains("tvarr_source_schedule_period_seconds{source=\"" + source + "\"}")
                .contains(
                        "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/proxies\",status=\"201\"} 1")
                .contains("jvm_memory_used_bytes")
                .doesNotContain("route=\"/api/v1/proxies/" + proxyId);
    }

    @Test
    void unknown_paths_share_one_label_so_nobody_can_flood_the_series() throws Exception {
        start(true);
        for (int i = 0; i < 5; i++) {
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/nothing-" + i))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        assertThat(scrape().body()).doesNotContain("nothing-").contains("route=\"unmatched\"");
    }

    @Test
    void can_be_switched_off() throws Exception {
        start(false);

        assertThat(scrape().statusCode()).isEqualTo(404);
    }
}
