package io.tvarr.bench.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.app.ConfigKey;
import io.tvarr.app.ConfigLoader;
import io.tvarr.app.TvarrApplication;
import io.tvarr.bench.WorkDirectory;
import io.tvarr.bench.pipeline.PlaylistFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * End-to-end bench of the web interface's channels page over a big source: an M3U of {@code channels} channels
 * (default 100,000) is ingested into SQLite through the API of a {@code TvarrApplication} (auth off), then pages of
 * {@code /channels} are fetched over HTTP as a browser would (first page, a deep page, a text search, a group), each
 * {@code rounds} times after a warm-up, printing the median and the 95th percentile. Beside them, as the reference,
 * the same page of channels from the JSON API ({@code /api/v1/channels?size=50}). The target is a page under 300 ms.
 *
 * <p>Run: {@code java -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.web.ChannelsPageBench [channels] [rounds]}
 */
public final class ChannelsPageBench {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private ChannelsPageBench(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        System.out.printf("ChannelsPageBench: %,d channels, %d rounds, java %s%n", channels, rounds, Runtime.version());
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-channels-page")) {
            Path playlist = work.resolve("provider.m3u");
            new PlaylistFile(0, channels, 1_000).write(playlist);
            try (TvarrApplication app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags(work)))) {
                ChannelsPageBench bench = new ChannelsPageBench(app.port());
                bench.ingest(playlist);
                int deep = channels / 50 / 2;
                bench.measure("GET /api/v1/channels?size=50 (reference, JSON)", "/api/v1/channels?size=50", rounds);
                bench.measure("GET /channels (first page)", "/channels", rounds);
                bench.measure("GET /channels?page=" + deep + " (middle page)", "/channels?page=" + deep, rounds);
                bench.measure("GET /channels?q=channel+4242 (search)", "/channels?q=channel+4242&group=", rounds);
                bench.measure(
                        "GET /channels?group=UK+Entertainment+5 (group)",
                        "/channels?q=&group=UK+Entertainment+5",
                        rounds);
                bench.measure(
                        "GET /api/v1/channels?q=channel+4242 (reference, JSON search)",
                        "/api/v1/channels?size=50&q=channel+4242",
                        rounds);
            }
        }
    }

    private static Map<ConfigKey, String> flags(WorkDirectory work) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, work.path().toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, work.path().toString());
        flags.put(ConfigKey.AUTH_DISABLED, "true");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_SSDP_PORT, "0");
        return flags;
    }

    private void ingest(Path playlist) throws Exception {
        long started = System.nanoTime();
        String source = json.readTree(post(
                        "/api/v1/sources/stream",
                        "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}"))
                .get("id")
                .asText();
        startIngestion(source);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!get("/api/v1/sources/stream/" + source + "/status").body().contains("\"succeeded\"")) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("ingestion did not finish in 10 minutes");
            }
            Thread.sleep(100);
        }
        System.out.printf("setup: ingested in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Starts the refresh; a busy database (SQLITE_BUSY on a loaded machine) is asked again. */
    private void startIngestion(String source) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/sources/stream/" + source + "/ingest"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // 409: the refresh a busy answer interrupted did start, and runs
            if (response.statusCode() < 300 || response.statusCode() == 409) {
                return;
            }
            if (response.statusCode() != 503 || attempt == 5) {
                throw new IllegalStateException("ingest: HTTP " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(2_000);
        }
    }

    /** Warms the path up, then times {@code rounds} requests one after another. */
    private void measure(String label, String path, int rounds) throws IOException, InterruptedException {
        for (int i = 0; i < Math.max(5, rounds / 5); i++) {
            get(path);
        }
        double[] ms = new double[rounds];
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(path);
            ms[i] = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode());
            }
            bytes = response.body().length();
        }
        Arrays.sort(ms);
        System.out.printf(
                "%-62s median %6.1f ms, p95 %6.1f ms, max %6.1f ms (%,d chars)%n",
                label, ms[rounds / 2], ms[(int) Math.ceil(rounds * 0.95) - 1], ms[rounds - 1], bytes);
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
