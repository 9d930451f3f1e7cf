package io.tvarr.bench.ingest;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.app.Tvarr;
import io.tvarr.bench.PeakHeap;
import io.tvarr.bench.WorkDirectory;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.m3u.M3uChannelSourceHandler;
import io.tvarr.ingest.m3u.M3uLimits;
import io.tvarr.ingest.xtream.XtreamChannelSourceHandler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * End-to-end channel ingestion bench: generates a 100k-entry playlist and a 100k-stream Xtream panel, serves both
 * over loopback HTTP, and ingests each through a {@link Tvarr} core over a fresh SQLite database in a temp dir.
 * First fetches and parses each alone (the handlers driven directly, nothing stored), then two stored rounds each
 * through the core's ingestion use case. Prints entries/s, wall time and peak heap.
 * Run: {@code java -Xmx128m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.ingest.ChannelIngestBench [count]}
 */
public final class ChannelIngestBench {
    private static final String[] GROUPS = {
        "UK | Entertainment", "UK | Sports", "US | News", "DE | Kinder", "FR | Cinéma"
    };

    private ChannelIngestBench() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // the core closes at the end of measure(), the server after it, the files last
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-ingest")) {
            Path playlist = work.resolve("playlist.m3u");
            Path streams = work.resolve("get_live_streams.json");
            writePlaylist(playlist, count);
            writeStreams(streams, count);
            HttpServer server = serve(playlist, streams);
            try {
                String base = "http://127.0.0.1:" + server.getAddress().getPort();
                System.out.printf(
                        "ChannelIngestBench: %d entries, playlist %d KiB, xtream json %d KiB, max heap %d MiB, java %s%n",
                        count,
                        Files.size(playlist) / 1024,
                        Files.size(streams) / 1024,
                        PeakHeap.maxMegabytes(),
                        Runtime.version());
                measure(work, base);
            } finally {
                server.stop(0);
            }
        }
    }

    private static void measure(WorkDirectory work, String base) {
        try (Tvarr tvarr = Tvarr.builder().dataDir(work.path()).build()) {
            StreamSource m3u = tvarr.sources().create(SaveStreamSourceCommand.m3u("m3u", base + "/playlist.m3u"));
            StreamSource xtream =
                    tvarr.sources().create(SaveStreamSourceCommand.xtream("xtream", base, "user", "pass"));
            // where the time goes: fetching and parsing alone, without the store; the handlers are driven
            // directly because this measures the adapters in isolation, not a wiring
            HttpSourceFetcher fetcher = new HttpSourceFetcher(FetchSettings.defaults(List.of()));
            for (ChannelSourceHandler handler : List.of(
                    new M3uChannelSourceHandler(fetcher, M3uLimits.DEFAULT), new XtreamChannelSourceHandler(fetcher))) {
                StreamSource source = handler.kind() == SourceKind.M3U ? m3u : xtream;
                long start = System.nanoTime();
                long[] parsed = {0};
                handler.ingest(source, channel -> parsed[0]++, new IngestionProgress());
                System.out.printf(
                        "%-6s parse only: %d channels in %.2f s%n",
                        handler.kind().name().toLowerCase(Locale.ROOT), parsed[0], (System.nanoTime() - start) / 1e9);
            }
            for (int round = 1; round <= 2; round++) {
                run(tvarr.sourceIngestion(), m3u.id(), "m3u    round " + round);
                run(tvarr.sourceIngestion(), xtream.id(), "xtream round " + round);
            }
        }
    }

    private static HttpServer serve(Path playlist, Path streams) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/playlist.m3u", ex -> serve(ex, playlist));
        server.createContext("/player_api.php", ex -> {
            String query = ex.getRequestURI().getQuery();
            if (query.endsWith("get_live_streams")) {
                serve(ex, streams);
            } else if (query.endsWith("get_live_categories")) {
                serveText(ex, "[{\"category_id\":\"1\",\"category_name\":\"UK | Entertainment\"}]");
            } else {
                serveText(ex, "{\"user_info\":{\"auth\":1,\"status\":\"Active\",\"max_connections\":\"2\"}}");
            }
        });
        server.start();
        return server;
    }

    private static void run(IngestSourceUseCase<SourceId> ingestion, SourceId id, String label) {
        PeakHeap.reset();
        long start = System.nanoTime();
        IngestionStatus status = ingestion.ingest(id);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: %d channels in %.2f s = %.0f entries/s, peak heap %d MiB%n",
                label, status.lastCount(), seconds, status.lastCount() / seconds, PeakHeap.megabytes());
    }

    static void writePlaylist(Path file, int count) throws IOException {
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("#EXTM3U x-tvg-url=\"http://epg.example/guide.xml.gz\"\n");
            for (int i = 0; i < count; i++) {
                String group = GROUPS[random.nextInt(GROUPS.length)];
                out.write("#EXTINF:-1 tvg-id=\"ch" + i + ".example\" tvg-name=\"Channel " + i
                        + "\" tvg-logo=\"http://logos.example/"
                        + i + ".png\" tvg-chno=\"" + (100 + i) + "\" group-title=\"" + group
                        + "\" catchup=\"default\" catchup-days=\"7\","
                        + group.substring(0, 2) + ": Channel " + i + (i % 3 == 0 ? " HD" : "") + "\n");
                if (i % 50 == 0) {
                    out.write("#EXTVLCOPT:http-user-agent=Mozilla/5.0\n");
                }
                out.write("http://provider.example:8080/live/user/pass/" + i + ".ts\n");
            }
        }
    }

    private static void writeStreams(Path file, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[");
            for (int i = 0; i < count; i++) {
                out.write((i == 0 ? "" : ",") + "{\"num\":" + (i + 1) + ",\"name\":\"UK: Channel " + i
                        + "\",\"stream_type\":\"live\",\"stream_id\":" + (1000 + i)
                        + ",\"stream_icon\":\"http:\\/\\/logos.example\\/" + i + ".png\",\"epg_channel_id\":"
                        + (i % 4 == 0 ? "null" : "\"ch" + i + ".example\"")
                        + ",\"added\":\"1512103894\",\"category_id\":\"1\",\"custom_sid\":null,\"tv_archive\":"
                        + (i % 5 == 0 ? 1 : 0) + ",\"direct_source\":\"\",\"tv_archive_duration\":\"3\"}");
            }
            out.write("]");
        }
    }

    private static void serve(com.sun.net.httpserver.HttpExchange exchange, Path file) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static void serveText(com.sun.net.httpserver.HttpExchange exchange, String text) throws IOException {
        try (exchange) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
