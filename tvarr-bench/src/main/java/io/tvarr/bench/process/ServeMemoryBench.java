package io.tvarr.bench.process;

import io.tvarr.app.SystemClock;
import io.tvarr.bench.ServeProcess;
import io.tvarr.bench.WorkDirectory;
import io.tvarr.bench.XmltvGuideFile;
import io.tvarr.bench.pipeline.PlaylistFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a user sees of tvarr's memory (#19 goal 4): the resident size of {@code tvarr serve}, read from {@code /proc}
 * every 50 ms, through a user's day: started on an empty data directory, a 100k-channel playlist and a guide of 1M
 * programmes refreshed, a proxy over both generated, then left idle. Prints the peak of each phase and the size at
 * its end beside the goal (300 MB) and beside a floor measured in the same run: a JVM that only reads the same
 * playlist line by line ({@link LineCount}) under {@code /usr/bin/time}.
 *
 * <p>Run from the checkout's root: {@code java -cp tvarr-bench/target/benchmarks.jar
 * io.tvarr.bench.process.ServeMemoryBench [channels] [programmes] [tvarr command, default "./tvarr"]}.
 */
public final class ServeMemoryBench {
    private static final long GOAL_MB = 300;
    private static final Clock CLOCK = SystemClock.utc();

    private ServeMemoryBench() {}

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int programmes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        List<String> command =
                List.of((args.length > 2 ? args[2] : "./tvarr").strip().split(" +"));
        int guideChannels = Math.max(1, Math.min(channels, 10_000));
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-memory")) {
            Path playlist = work.resolve("playlist.m3u");
            new PlaylistFile(0, channels, guideChannels).write(playlist);
            Path guide = work.resolve("guide.xml");
            new XmltvGuideFile(
                            guideChannels,
                            Math.max(1, programmes / guideChannels),
                            Duration.ofMinutes(30),
                            Duration.ofMinutes(60),
                            "A programme of the bench's guide.")
                    .write(guide, CLOCK.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6)));
            long floorKb = WholeProcessBench.peakKb(
                    List.of(
                            "java",
                            "-cp",
                            System.getProperty("java.class.path"),
                            LineCount.class.getName(),
                            playlist.toString()),
                    work);
            System.out.printf(
                    Locale.ROOT,
                    "%,d channels, %,d programmes over %,d guide channels; tvarr: %s%n",
                    channels,
                    programmes,
                    guideChannels,
                    String.join(" ", command));
            List<String> lines = new ArrayList<>();
            Instant started = CLOCK.instant();
            try (ServeProcess serve = ServeProcess.start("serve", command, work);
                    Sampler sampler = new Sampler(serve)) {
                lines.add(sampler.phase("start until ready", started));
                Instant phase = CLOCK.instant();
                String source = ServeProcess.id(serve.post(
                        "/api/v1/sources/stream",
                        "{\"name\":\"bench\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}"));
                serve.ingest("/api/v1/sources/stream/" + source, 1800);
                lines.add(sampler.phase("playlist refreshed", phase));
                phase = CLOCK.instant();
                String epg = ServeProcess.id(serve.post(
                        "/api/v1/sources/epg",
                        "{\"name\":\"bench\",\"kind\":\"xmltv\",\"url\":\"" + guide.toUri() + "\"}"));
                serve.ingest("/api/v1/sources/epg/" + epg, 1800);
                lines.add(sampler.phase("guide refreshed", phase));
                phase = CLOCK.instant();
                String proxy = ServeProcess.id(serve.post(
                        "/api/v1/proxies",
                        "{\"name\":\"bench\",\"sources\":[\"" + source + "\"],\"epgSources\":[\"" + epg + "\"]}"));
                serve.post("/api/v1/proxies/" + proxy + "/regenerate", "");
                lines.add(sampler.phase("proxy generated", phase));
                phase = CLOCK.instant();
                // idle as a server is between refreshes: what the heap gives back shows after a while, not at once
                Thread.sleep(30_000);
                lines.add(sampler.phase("idle 30 s", phase));
            }
            lines.forEach(System.out::println);
            System.out.printf(
                    Locale.ROOT,
                    "goal: under %d MB resident, idle and while generating; floor, same run: java LineCount reading"
                            + " the playlist, peak %d MB%n",
                    GOAL_MB,
                    floorKb / 1024);
        }
    }

    /** Reads the process tree's resident size every 50 ms and keeps the peak since the last phase. */
    private static final class Sampler implements AutoCloseable {
        private final ServeProcess serve;
        private final AtomicLong peakKb = new AtomicLong();
        private final Thread thread;

        Sampler(ServeProcess serve) {
            this.serve = serve;
            this.thread = new Thread(this::sample, "rss-sampler");
            this.thread.setDaemon(true);
            this.thread.start();
        }

        private void sample() {
            while (!Thread.currentThread().isInterrupted()) {
                peakKb.accumulateAndGet(serve.rssKb(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** A line for the phase that began at {@code since}: its duration, its peak and the size now. */
        String phase(String name, Instant since) {
            long now = serve.rssKb();
            long peak = Math.max(peakKb.getAndSet(now), now);
            return String.format(
                    Locale.ROOT,
                    "%-20s %8.1f s   peak %5d MB   at its end %5d MB   %s",
                    name,
                    Duration.between(since, CLOCK.instant()).toMillis() / 1000.0,
                    peak / 1024,
                    now / 1024,
                    peak / 1024 <= GOAL_MB ? "within the goal" : "OVER the goal");
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
