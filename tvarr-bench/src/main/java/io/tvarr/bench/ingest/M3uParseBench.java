package io.tvarr.bench.ingest;

import com.sun.management.OperatingSystemMXBean;
import io.tvarr.app.Tvarr;
import io.tvarr.bench.WorkDirectory;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.m3u.M3uChannelSourceHandler;
import io.tvarr.ingest.m3u.M3uEntry;
import io.tvarr.ingest.m3u.M3uLimits;
import io.tvarr.ingest.m3u.M3uParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * M3U parsing in process, side by side with its floor: a plain Java line reader ({@code BufferedReader.readLine}
 * over the same file, UTF-8), tvarr's {@link M3uParser}, and the whole M3U handler (parse and turn entries into
 * channels, nothing stored), alternating within each round so a loaded machine slows all alike; then the same file
 * ingested and stored through a {@link Tvarr} core over SQLite ({@code file:} source), again beside the line
 * reader. Prints entries/s by wall time and by the process's CPU time (on a shared machine the CPU time is the
 * steadier figure), and tvarr's time as a multiple of the line reader's; a stored round also prints the CPU of the
 * thread that ingests, the path the wall time follows when other threads (a parse beside the store, a checkpoint
 * after it) have a core of their own.
 *
 * <p>Run: {@code java -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.ingest.M3uParseBench [count] [rounds]}
 */
public final class M3uParseBench {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final int REPEAT = 3;

    private M3uParseBench() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-m3u")) {
            Path playlist = work.resolve("playlist.m3u");
            ChannelIngestBench.writePlaylist(playlist, count);
            System.out.printf(
                    "M3uParseBench: %d entries, %d KiB, %d rounds, %d cores, load average %.1f, java %s%n",
                    count,
                    Files.size(playlist) / 1024,
                    rounds,
                    OS.getAvailableProcessors(),
                    OS.getSystemLoadAverage(),
                    Runtime.version());
            Path data = Files.createDirectories(work.resolve("data"));
            try (Tvarr tvarr = Tvarr.builder()
                    .dataDir(data)
                    .allowSourceDirectory(work.path())
                    .build()) {
                StreamSource source = tvarr.sources()
                        .create(SaveStreamSourceCommand.m3u(
                                "bench", playlist.toUri().toString()));
                parseRounds(work, playlist, source, rounds);
                storeRounds(tvarr, playlist, source, Math.max(3, rounds / 2));
            }
        }
    }

    private static void parseRounds(WorkDirectory work, Path playlist, StreamSource source, int rounds) {
        M3uParser parser = new M3uParser(M3uLimits.DEFAULT);
        HttpSourceFetcher fetcher = new HttpSourceFetcher(FetchSettings.defaults(List.of(work.path())));
        M3uChannelSourceHandler handler = new M3uChannelSourceHandler(fetcher, M3uLimits.DEFAULT);
        String[] names = {"line reader", "M3uParser", "handler (parse + channels)"};
        Timed[] best = new Timed[3];
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            Timed[] timed = {
                Timed.of(REPEAT, () -> lineReader(playlist)),
                Timed.of(REPEAT, () -> parse(parser, playlist)),
                Timed.of(REPEAT, () -> {
                    long[] channels = {0};
                    handler.ingest(source, channel -> channels[0]++, new IngestionProgress());
                    return channels[0];
                })
            };
            if (round == 0) {
                continue;
            }
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int i = 0; i < 3; i++) {
                // the line reader counts lines; its rate is given in the playlist's entries
                line.append(String.format(
                        " | %s %.0f/s wall, %.0f/s cpu (x%.2f)",
                        names[i],
                        timed[1].count / timed[i].wall,
                        timed[1].count / timed[i].cpu,
                        timed[i].cpu / timed[0].cpu));
                if (best[i] == null || timed[i].cpu < best[i].cpu) {
                    best[i] = timed[i];
                }
            }
            System.out.println(line);
        }
        long entries = best[1].count;
        System.out.printf(
                "best of %d by cpu: line reader %.0f entries/s (%d lines) | M3uParser %.0f entries/s, x%.2f of the"
                        + " line reader | handler %.0f entries/s, x%.2f%n",
                rounds,
                entries / best[0].cpu,
                best[0].count,
                entries / best[1].cpu,
                best[1].cpu / best[0].cpu,
                best[2].count / best[2].cpu,
                best[2].cpu / best[0].cpu);
    }

    /** The floor: every line decoded into a String, nothing else. */
    private static long lineReader(Path playlist) {
        long lines = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(playlist), StandardCharsets.UTF_8), 64 * 1024)) {
            while (in.readLine() != null) {
                lines++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static long parse(M3uParser parser, Path playlist) {
        long[] entries = {0};
        try (InputStream in = Files.newInputStream(playlist)) {
            parser.parse(in, (M3uEntry entry) -> entries[0]++);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries[0];
    }

    /** Parsed and stored: the core's ingestion of a file source into SQLite, beside the line reader's time. */
    private static void storeRounds(Tvarr tvarr, Path playlist, StreamSource source, int rounds) {
        for (int round = 1; round <= rounds; round++) {
            Timed floor = Timed.of(() -> lineReader(playlist));
            long[] count = {0};
            long ingestingCpu = THREADS.getCurrentThreadCpuTime();
            Timed stored = Timed.of(() -> {
                // the core ingests on the calling thread: this thread's CPU is the ingestion's own path, what the
                // wall time comes to on a quiet machine whatever runs beside it
                IngestionStatus status = tvarr.sourceIngestion().ingest(source.id());
                count[0] = status.lastCount();
                return count[0];
            });
            ingestingCpu = THREADS.getCurrentThreadCpuTime() - ingestingCpu;
            System.out.printf(
                    "stored round %d: %d channels parsed and stored in %.3f s wall, %.3f s cpu (%.0f entries/s by"
                            + " cpu), ingesting thread %.3f s cpu; line reader %.3f s wall, %.3f s cpu; x%.1f by"
                            + " cpu%n",
                    round,
                    count[0],
                    stored.wall,
                    stored.cpu,
                    count[0] / stored.cpu,
                    ingestingCpu / 1e9,
                    floor.wall,
                    floor.cpu,
                    stored.cpu / floor.cpu);
        }
    }

    /**
     * One measured call: what it counted, its wall time and the process's CPU time (all threads), in seconds. The
     * kernel counts CPU time in 10 ms ticks, so parse rounds repeat their work ({@link #REPEAT}) and divide.
     */
    private record Timed(long count, double wall, double cpu) {
        static Timed of(java.util.function.LongSupplier work) {
            return of(1, work);
        }

        static Timed of(int repeat, java.util.function.LongSupplier work) {
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            long count = 0;
            for (int i = 0; i < repeat; i++) {
                count = work.getAsLong();
            }
            return new Timed(
                    count, (System.nanoTime() - start) / 1e9 / repeat, (OS.getProcessCpuTime() - cpu) / 1e9 / repeat);
        }
    }
}
