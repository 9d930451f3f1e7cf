package io.tvarr.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.app.ConfigKey;
import io.tvarr.app.ConfigLoader;
import io.tvarr.app.TvarrApplication;
import io.tvarr.bench.PeakHeap;
import io.tvarr.bench.WorkDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * End-to-end HDHomeRun lineup bench through the HTTP server: an M3U of {@code channels} channels is written into a
 * temp dir, ingested and generated into one proxy (sequential numbers) through the API (auth off), then {@code
 * lineup.json} and {@code lineup.xml} of its tuner are fetched three times each, the client counting bytes as they
 * stream. Prints the time to the first byte, the total time, the size and the JVM's peak heap (server and client
 * share it) for each fetch; the heap must not grow with the lineup, which is read from the published lineup.tsv row
 * by row.
 *
 * <p>Run: {@code java -Xmx64m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.pipeline.LineupBench [channels]}
 */
public final class LineupBench {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private LineupBench(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        System.out.printf(
                "LineupBench: %d channels, max heap %d MiB, java %s%n",
                channels, PeakHeap.maxMegabytes(), Runtime.version());
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-lineup")) {
            Path playlist = work.resolve("provider.m3u");
            new PlaylistFile(0, channels, 1_000).write(playlist);
            try (TvarrApplication app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags(work)))) {
                LineupBench bench = new LineupBench(app.port());
                String proxy = bench.setUp(playlist);
                for (int round = 1; round <= 3; round++) {
                    bench.fetch("/hdhr/" + proxy + "/lineup.json", round);
                }
                for (int round = 1; round <= 3; round++) {
                    bench.fetch("/hdhr/" + proxy + "/lineup.xml", round);
                }
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

    /** Ingests the playlist and generates its proxy; returns the proxy's slug. */
    private String setUp(Path playlist) throws Exception {
        long started = System.nanoTime();
        String source = id(post(
                "/api/v1/sources/stream", "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}"));
        post("/api/v1/sources/stream/" + source + "/ingest", "");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!get("/api/v1/sources/stream/" + source + "/status").contains("\"succeeded\"")) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("ingestion did not finish in 10 minutes");
            }
            Thread.sleep(100);
        }
        double ingested = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        String proxy = id(post(
                "/api/v1/proxies",
                "{\"name\":\"Bench\",\"sources\":[\"" + source + "\"],\"numberingMode\":\"sequential\"}"));
        String generated = post("/api/v1/proxies/" + proxy + "/regenerate", "");
        System.out.printf(
                "setup: ingested in %.1f s, generated in %.1f s (%s)%n",
                ingested, (System.nanoTime() - started) / 1e9, generated.length() > 200 ? "ok" : generated);
        return "bench";
    }

    private void fetch(String path, int round) throws IOException, InterruptedException {
        PeakHeap.reset();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long firstByte = -1;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                if (firstByte < 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
            }
        }
        long ended = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
        System.out.printf(
                "%s round %d: %,d bytes, first byte %.0f ms, total %.0f ms, peak heap %d MiB%n",
                path.substring(path.lastIndexOf('/') + 1),
                round,
                bytes,
                (firstByte - started) / 1e6,
                (ended - started) / 1e6,
                PeakHeap.megabytes());
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

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String id(String body) throws IOException {
        return json.readTree(body).get("id").asText();
    }
}
