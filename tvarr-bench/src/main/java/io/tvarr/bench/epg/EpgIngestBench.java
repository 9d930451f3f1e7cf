package io.tvarr.bench.epg;

import com.sun.management.OperatingSystemMXBean;
import io.tvarr.app.SystemClock;
import io.tvarr.app.Tvarr;
import io.tvarr.bench.BenchDatabase;
import io.tvarr.bench.PeakHeap;
import io.tvarr.bench.ServerCpu;
import io.tvarr.bench.WorkDirectory;
import io.tvarr.bench.XmltvGuideFile;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.ingestion.IngestionStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * End-to-end guide ingestion bench: writes a realistic XMLTV guide (10k channels, 1M programmes with ~200-char
 * descriptions, categories, icons and episode numbers) and ingests it through a {@link Tvarr} core over a fresh
 * SQLite database in a temp dir, as an embedder or the server would. Each round first reads the same file with the
 * JDK's StAX reader (the floor) and prints tvarr's multiple of it; then the programme queries users wait on are timed.
 * The third argument picks the database: {@code sqlite} (the default), {@code postgres} or {@code mariadb} (a fresh
 * database on the local server, dropped afterwards; see {@link BenchDatabase}).
 * Run: {@code java -Xmx192m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.epg.EpgIngestBench [channels]
 * [per-channel] [database]}
 */
public final class EpgIngestBench {
    private static final String DESCRIPTION =
            ("A gripping story of friendship, rivalry and the search for meaning in a "
                            + "small coastal town, where every character hides a secret and the tide brings more than driftwood. ")
                    .repeat(2)
                    .substring(0, 200);

    private static final OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private EpgIngestBench() {}

    public static void main(String[] args) throws IOException, SQLException {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perChannel = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String kind = args.length > 2 ? args[2] : "sqlite";
        // resources close in reverse: the core first, then its database and files go
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-epg");
                BenchDatabase database = BenchDatabase.create(kind, work.path())) {
            Path guide = work.resolve("guide.xml");
            Instant start =
                    SystemClock.utc().instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
            new XmltvGuideFile(channels, perChannel, Duration.ofMinutes(150), Duration.ofMinutes(210), DESCRIPTION)
                    .write(guide, start);
            System.out.printf(
                    "EpgIngestBench: %d channels x %d programmes = %d, guide %d MiB, %s, max heap %d MiB, java %s%n",
                    channels,
                    perChannel,
                    (long) channels * perChannel,
                    Files.size(guide) / (1024 * 1024),
                    database.name(),
                    PeakHeap.maxMegabytes(),
                    Runtime.version());
            try (Tvarr tvarr = Tvarr.builder()
                    .dataDir(work.path())
                    .database(database.url())
                    .allowSourceDirectory(work.path())
                    .build()) {
                EpgSource source = tvarr.guides()
                        .create(SaveEpgSourceCommand.xmltv(
                                "bench", guide.toUri().toString()));
                StaxFloor floor = new StaxFloor();
                ServerCpu server = new ServerCpu(database);
                for (int round = 1; round <= 3; round++) {
                    long cpu = OS.getProcessCpuTime();
                    long began = System.nanoTime();
                    long read = floor.read(guide);
                    double floorSeconds = (System.nanoTime() - began) / 1e9;
                    double floorCpu = (OS.getProcessCpuTime() - cpu) / 1e9;
                    PeakHeap.reset();
                    server.start();
                    cpu = OS.getProcessCpuTime();
                    began = System.nanoTime();
                    IngestionStatus status = tvarr.guideIngestion().ingest(source.id());
                    double seconds = (System.nanoTime() - began) / 1e9;
                    double ingestCpu = (OS.getProcessCpuTime() - cpu) / 1e9;
                    String serverCpu = server.applies() ? String.format(", server CPU %.2f s", server.seconds()) : "";
                    System.out.printf(
                            "round %d: StAX floor %d programmes read in %.2f s, CPU %.2f s | tvarr %d programmes stored"
                                    + " in %.2f s = %.0f programmes/s, CPU %.2f s%s, peak heap %d MiB | %.1fx the floor"
                                    + " by CPU, %.1fx by wall%n",
                            round,
                            read,
                            floorSeconds,
                            floorCpu,
                            status.lastCount(),
                            seconds,
                            status.lastCount() / seconds,
                            ingestCpu,
                            serverCpu,
                            PeakHeap.megabytes(),
                            ingestCpu / floorCpu,
                            seconds / floorSeconds);
                }
                new GuideQueries(tvarr.programmes(), source.id(), channels).print(start);
            }
        }
    }
}
