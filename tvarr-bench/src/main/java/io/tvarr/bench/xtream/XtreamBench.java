package io.tvarr.bench.xtream;

import io.tvarr.app.ConfigKey;
import io.tvarr.app.ConfigLoader;
import io.tvarr.app.SystemClock;
import io.tvarr.app.Tvarr;
import io.tvarr.app.TvarrApplication;
import io.tvarr.bench.PeakHeap;
import io.tvarr.bench.WorkDirectory;
import io.tvarr.bench.XmltvGuideFile;
import io.tvarr.bench.pipeline.PlaylistFile;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Xtream door of a big proxy over real HTTP: a 50k-channel playlist and an XMLTV guide of 10k channels with 100
 * programmes each (about seven days) are ingested and generated through a {@link Tvarr} core, an output user is
 * made, then a {@link TvarrApplication} serves the same data dir and the bench asks {@code player_api.php} for
 * {@code get_live_streams} (three rounds, the body read and dropped as it comes), {@code get_short_epg} and
 * {@code get_simple_data_table} for channels spread over the lineup. Prints time, bytes and peak heap of each.
 *
 * <p>Run: {@code java -Xmx192m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.xtream.XtreamBench [channels]
 * [guide-channels] [per-channel] [epg-calls]}
 */
public final class XtreamBench {
    private static final String DESCRIPTION =
            "A gripping story of friendship, rivalry and the search for meaning in a small coastal town, where every "
                    + "character hides a secret and the tide brings more than driftwood to the shore each night.";
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password";

    private XtreamBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int guideChannels = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int perChannel = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int epgCalls = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        System.out.printf(
                "XtreamBench: %d channels, %d guide channels x %d programmes, %d EPG calls, max heap %d MiB, java %s%n",
                channels, guideChannels, perChannel, epgCalls, PeakHeap.maxMegabytes(), Runtime.version());
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-xtream")) {
            Path data = Files.createDirectories(work.resolve("data"));
            List<Integer> streamIds = prepare(work, data, channels, guideChannels, perChannel, epgCalls);
            Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
            flags.put(ConfigKey.SERVER_PORT, "0");
            flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
            flags.put(ConfigKey.SERVER_ACCESS_LOG, "false");
            flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
            flags.put(ConfigKey.DATA_DIR, data.toString());
            flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, work.path().toString());
            try (TvarrApplication app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags))) {
                Door door = new Door(app.port());
                for (int round = 1; round <= 3; round++) {
                    door.timeOne("get_live_streams round " + round, "get_live_streams");
                }
                door.timeMany("get_short_epg", "get_short_epg&limit=4", streamIds);
                door.timeMany("get_simple_data_table", "get_simple_data_table", streamIds);
            }
        }
    }

    /** Ingests and generates through a core of its own, makes the output user; returns stream ids to ask about. */
    private static List<Integer> prepare(
            WorkDirectory work, Path data, int channels, int guideChannels, int perChannel, int epgCalls)
            throws IOException {
        long writing = System.nanoTime();
        Instant now = SystemClock.utc().instant();
        Path playlist = work.resolve("provider.m3u");
        new PlaylistFile(0, channels, guideChannels).write(playlist);
        Path guideFile = work.resolve("guide.xml");
        new XmltvGuideFile(guideChannels, perChannel, Duration.ofMinutes(90), Duration.ofMinutes(120), DESCRIPTION)
                .write(guideFile, now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12)));
        double written = (System.nanoTime() - writing) / 1e9;
        try (Tvarr tvarr = Tvarr.builder()
                .dataDir(data)
                .allowSourceDirectory(work.path())
                .baseUrl("http://tvarr.local:8080")
                .build()) {
            long ingesting = System.nanoTime();
            StreamSource source = tvarr.sources()
                    .create(SaveStreamSourceCommand.m3u(
                            "provider", playlist.toUri().toString()));
            long stored = tvarr.sourceIngestion().ingest(source.id()).lastCount();
            EpgSource guide = tvarr.guides()
                    .create(SaveEpgSourceCommand.xmltv(
                            "guide", guideFile.toUri().toString()));
            stored += tvarr.guideIngestion().ingest(guide.id()).lastCount();
            double ingested = (System.nanoTime() - ingesting) / 1e9;
            StreamProxy proxy = tvarr.proxies()
                    .create(SaveProxyCommand.named("bench")
                            .withSources(source.id())
                            .withGuides(guide.id())
                            .withNumbering(new Numbering(NumberingMode.SEQUENTIAL, 1, 100)));
            GenerationReport report = tvarr.generation().generate(proxy.id());
            System.out.printf(
                    "setup: files written in %.1f s, %d channels and programmes ingested in %.1f s, generated %d"
                            + " channels and %d programmes in %.1f s (guide %d MiB)%n",
                    written,
                    stored,
                    ingested,
                    report.channels(),
                    report.programmes(),
                    report.durationMs() / 1e3,
                    Files.size(tvarr.generation().guide(proxy.id()).orElseThrow()) >> 20);
            tvarr.outputUsers().create(proxy.id(), new CreateOutputUserCommand(USER, PASSWORD, null, 1));
            List<Integer> ids = new ArrayList<>();
            long every = Math.max(1, report.channels() / Math.max(1, epgCalls));
            long[] position = {0};
            tvarr.xtreamLineups().forEachChannel(proxy.id(), channel -> {
                if (position[0]++ % every == 0 && ids.size() < epgCalls) {
                    ids.add(channel.streamId());
                }
            });
            return ids;
        }
    }

    /** The player's side: asks the door and reads each answer through, keeping only its length. */
    private record Door(HttpClient http, String base) {
        Door(int port) {
            this(
                    HttpClient.newHttpClient(),
                    "http://127.0.0.1:" + port + "/player_api.php?username=" + USER + "&password=" + PASSWORD
                            + "&action=");
        }

        void timeOne(String label, String action) throws IOException, InterruptedException {
            PeakHeap.reset();
            long started = System.nanoTime();
            Answer answer = read(action);
            System.out.printf(
                    "%-28s %,12d bytes in %,8.1f ms (first bytes after %,.1f ms), peak heap %d MiB%n",
                    label,
                    answer.bytes(),
                    (System.nanoTime() - started) / 1e6,
                    (answer.firstBytesAt() - started) / 1e6,
                    PeakHeap.megabytes());
        }

        void timeMany(String label, String action, List<Integer> streamIds) throws IOException, InterruptedException {
            PeakHeap.reset();
            double[] millis = new double[streamIds.size()];
            long bytes = 0;
            long started = System.nanoTime();
            for (int i = 0; i < millis.length; i++) {
                long one = System.nanoTime();
                bytes += read(action + "&stream_id=" + streamIds.get(i)).bytes();
                millis[i] = (System.nanoTime() - one) / 1e6;
            }
            double total = (System.nanoTime() - started) / 1e6;
            Arrays.sort(millis);
            System.out.printf(
                    "%-28s %d calls, %,d bytes in %,.1f ms: mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms,"
                            + " peak heap %d MiB%n",
                    label,
                    millis.length,
                    bytes,
                    total,
                    total / millis.length,
                    millis[millis.length / 2],
                    millis[(int) (millis.length * 0.95)],
                    millis[millis.length - 1],
                    PeakHeap.megabytes());
        }

        /** The answer's length, and when its first bytes came (nanoTime): long before the end when it is streamed. */
        private Answer read(String action) throws IOException, InterruptedException {
            HttpResponse<InputStream> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + action)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                throw new IOException(action + ": status " + answer.statusCode());
            }
            long bytes = 0;
            long firstBytesAt = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = answer.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    firstBytesAt = bytes == 0 ? System.nanoTime() : firstBytesAt;
                    bytes += n;
                }
            }
            return new Answer(bytes, firstBytesAt);
        }
    }

    private record Answer(long bytes, long firstBytesAt) {}
}
