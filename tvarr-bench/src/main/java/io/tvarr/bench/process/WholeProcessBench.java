package io.tvarr.bench.process;

import io.tvarr.bench.WorkDirectory;
import io.tvarr.bench.XmltvGuideFile;
import io.tvarr.bench.epg.StaxFloor;
import io.tvarr.bench.pipeline.PlaylistFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole processes, as a user runs them, timed side by side: {@code tvarr generate --playlist} on a 100k-entry
 * playlist and on a one-entry playlist, and {@code tvarr serve} until {@code /readyz} answers 200 (a fresh data
 * directory, then the same one again), beside the floors: a JVM reading the same file line by line
 * ({@link LineCount}), tvarr's own M3U handler writing plain entries in a JVM with the launcher's flags, storing nothing
 * ({@link ParseWriteFloor}: the least any {@code generate} made of tvarr's parts could do) and, when given, a Node.js
 * script (m3u-parser-generator reading and parsing the file).
 * Every command runs once per round, rounds alternate them, so load on the machine slows all alike. Each command
 * runs under {@code /usr/bin/time} for its peak resident size and CPU time (user + system; for {@code serve}, what
 * the process had used when it was ready), steadier than wall time on a shared machine. Prints the median of each
 * and tvarr's ratios.
 *
 * <p>With a number of programmes as the fourth argument (#19 goal 2's whole process: 1000000), it also writes a guide
 * of 10,000 channels with that many programmes in all ({@link XmltvGuideFile}) and a playlist of 1000 channels with
 * the guide's first 1000 ids, and times {@code tvarr generate --playlist … --guide …} (its guide gets a tenth of the
 * programmes) beside the floor: a JVM reading the same guide with the JDK's StAX reader ({@link StaxFloor#main}).
 *
 * <p>Run: {@code java -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.process.WholeProcessBench
 * [rounds] [tvarr command, default "./tvarr"] [node script, or "-" for none] [programmes]}; the tvarr command is split at spaces, so
 * {@code "java -jar tvarr-app/target/tvarr.jar"} measures the jar without the launcher; several commands separated
 * by {@code |} are measured side by side as tvarr#1, tvarr#2… (a build before and after a change).
 */
public final class WholeProcessBench {
    private static final int ENTRIES = 100_000;

    private WholeProcessBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // several tvarr commands, separated by '|', are measured side by side (a build before and after a change)
        List<List<String>> tvarrs = new ArrayList<>();
        for (String command : (args.length > 1 ? args[1] : "./tvarr").split("\\|")) {
            tvarrs.add(List.of(command.strip().split(" +")));
        }
        String node = args.length > 2 && !args[2].equals("-") ? args[2] : null;
        int programmes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String classpath = System.getProperty("java.class.path");
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-process")) {
            Path big = work.resolve("playlist.m3u");
            new PlaylistFile(0, ENTRIES, 10_000).write(big);
            Path one = work.resolve("one.m3u");
            new PlaylistFile(0, 1, 1).write(one);
            Path out = Files.createDirectories(work.resolve("out"));
            Map<String, List<String>> commands = new LinkedHashMap<>();
            if (programmes > 0) {
                guideCommands(commands, tvarrs, work, out, programmes);
            }
            commands.put(
                    "floor: java LineCount, 100k",
                    List.of("java", "-cp", classpath, LineCount.class.getName(), big.toString()));
            if (node != null) {
                commands.put("m3u-parser-generator (node), 100k", List.of("node", node, big.toString()));
            }
            // the launcher's flags for a generate of this size (./tvarr): the quick compiler, the serial collector
            commands.put(
                    "floor: tvarr parse + write, nothing stored",
                    List.of(
                            "java",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-Xms64m",
                            "-Xmx256m",
                            "-cp",
                            classpath,
                            ParseWriteFloor.class.getName(),
                            big.toString(),
                            work.resolve("parse-write.m3u").toString()));
            for (int t = 0; t < tvarrs.size(); t++) {
                commands.put(
                        label(t, "generate, 100k"),
                        concat(tvarrs.get(t), "generate", "--playlist", big.toString(), "--out", out.toString()));
            }
            commands.put(
                    "floor: java LineCount, 1 entry",
                    List.of("java", "-cp", classpath, LineCount.class.getName(), one.toString()));
            for (int t = 0; t < tvarrs.size(); t++) {
                commands.put(
                        label(t, "generate, 1 entry"),
                        concat(tvarrs.get(t), "generate", "--playlist", one.toString(), "--out", out.toString()));
            }
            System.out.printf(
                    "WholeProcessBench: %d rounds, tvarr command %s, %d cores, load average %.1f%n",
                    rounds,
                    tvarrs,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) { // round 0 warms the page cache and the launcher
                for (var command : commands.entrySet()) {
                    Run run = time(command.getValue(), work);
                    if (round > 0) {
                        runs.computeIfAbsent(command.getKey(), k -> new ArrayList<>())
                                .add(run);
                    }
                }
                for (int t = 0; t < tvarrs.size(); t++) {
                    Path data = work.resolve("serve-" + round + "-" + t);
                    Run fresh = serve(tvarrs.get(t), data, work);
                    Run again = serve(tvarrs.get(t), data, work);
                    if (round > 0) {
                        runs.computeIfAbsent(label(t, "serve ready, fresh data dir"), k -> new ArrayList<>())
                                .add(fresh);
                        runs.computeIfAbsent(label(t, "serve ready, existing data dir"), k -> new ArrayList<>())
                                .add(again);
                    }
                }
            }
            Map<String, Run> median = new LinkedHashMap<>();
            runs.forEach((name, list) -> median.put(name, Run.median(list)));
            median.forEach((name, run) -> System.out.printf(
                    "%-45s %7.3f s  CPU %6.2f s  %6d MB peak resident  (runs, wall/CPU: %s)%n",
                    name, run.seconds, Run.medianCpu(runs.get(name)), run.rssKb / 1024, runs.get(name)));
            // how far the least any generate of tvarr's parts could do is from node already
            ratio(median, "floor: tvarr parse + write, nothing stored", "m3u-parser-generator (node), 100k");
            for (int t = 0; t < tvarrs.size(); t++) {
                ratio(median, label(t, "generate, 100k"), "floor: java LineCount, 100k");
                ratio(median, label(t, "generate, 100k"), "m3u-parser-generator (node), 100k");
                ratio(median, label(t, "generate, 100k"), "floor: tvarr parse + write, nothing stored");
                ratio(median, label(t, "generate, 1 entry"), "floor: java LineCount, 1 entry");
                if (programmes > 0) {
                    ratio(median, label(t, "generate, 1000 channels + guide"), "floor: java StAX reader, guide");
                    cpuRatio(runs, label(t, "generate, 1000 channels + guide"), "floor: java StAX reader, guide");
                }
            }
        }
    }

    /** The guide and its playlist written, and the floor's and each tvarr's commands put first. */
    private static void guideCommands(
            Map<String, List<String>> commands, List<List<String>> tvarrs, WorkDirectory work, Path out, int programmes)
            throws IOException {
        int guideChannels = 10_000;
        Path guide = work.resolve("guide.xml");
        new XmltvGuideFile(
                        guideChannels,
                        Math.max(1, programmes / guideChannels),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(60),
                        "A programme of the bench's guide, with a description of a realistic length for a listing.")
                .write(guide, Instant.parse("2026-01-01T00:00:00Z"));
        Path playlist = work.resolve("guide-playlist.m3u");
        new PlaylistFile(0, 1000, guideChannels).write(playlist);
        commands.put(
                "floor: java StAX reader, guide",
                List.of(
                        "java",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StaxFloor.class.getName(),
                        guide.toString()));
        for (int t = 0; t < tvarrs.size(); t++) {
            commands.put(
                    label(t, "generate, 1000 channels + guide"),
                    concat(
                            tvarrs.get(t),
                            "generate",
                            "--playlist",
                            playlist.toString(),
                            "--guide",
                            guide.toString(),
                            "--out",
                            out.toString()));
        }
    }

    private static void cpuRatio(Map<String, List<Run>> runs, String tvarr, String reference) {
        if (runs.containsKey(reference)) {
            System.out.printf(
                    "ratio by CPU %s / %s: x%.2f%n",
                    tvarr, reference, Run.medianCpu(runs.get(tvarr)) / Run.medianCpu(runs.get(reference)));
        }
    }

    private static String label(int tvarr, String what) {
        return "tvarr#" + (tvarr + 1) + " " + what;
    }

    private static void ratio(Map<String, Run> median, String tvarr, String reference) {
        if (median.containsKey(reference)) {
            System.out.printf(
                    "ratio %s / %s: x%.2f%n",
                    tvarr, reference, median.get(tvarr).seconds / median.get(reference).seconds);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** The peak resident size of one whole process in KiB, from /usr/bin/time. */
    static long peakKb(List<String> command, WorkDirectory work) throws IOException, InterruptedException {
        return time(command, work).rssKb();
    }

    /** One whole process under /usr/bin/time: wall time measured here, peak resident size from time. */
    private static Run time(List<String> command, WorkDirectory work) throws IOException, InterruptedException {
        Path rss = work.resolve("time.txt");
        List<String> timed = concat(
                List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()), command.toArray(String[]::new));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(timed)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("process.log").toFile())
                .start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(
                    command + ": exit " + exit + "\n" + Files.readString(work.resolve("process.log")));
        }
        String[] measured = Files.readString(rss).strip().split(" ");
        return new Run(
                seconds,
                Double.parseDouble(measured[1]) + Double.parseDouble(measured[2]),
                Long.parseLong(measured[0]));
    }

    /** {@code tvarr serve} from its start until /readyz answers 200; then stopped (SIGTERM) and waited for. */
    private static Run serve(List<String> tvarr, Path data, WorkDirectory work)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path rss = work.resolve("time-serve.txt");
        List<String> command =
                concat(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()), tvarr.toArray(String[]::new));
        command.addAll(List.of(
                "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--data-dir", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("serve.log").toFile());
        // another tvarr or tuner on this machine must not collide with the UDP doors, nor the config in the cwd
        builder.environment().put("TVARR_HDHOMERUN_DISCOVERY_PORT", "0");
        builder.environment().put("TVARR_HDHOMERUN_SSDP_PORT", "0");
        builder.environment().put("TVARR_ADMIN_PASSWORD", "bench-password-1");
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "tvarr serve ended: " + Files.readString(work.resolve("serve.log")));
                }
                try {
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - start > 300_000_000_000L) {
                    throw new IllegalStateException("tvarr serve not ready in 300 s");
                }
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = cpuSeconds(process);
            process.descendants().forEach(ProcessHandle::destroy);
            process.waitFor();
            return new Run(
                    seconds,
                    cpu,
                    Long.parseLong(Files.readString(rss, StandardCharsets.UTF_8)
                            .strip()
                            .lines()
                            .reduce((a, b) -> b)
                            .orElse("0")
                            .replaceAll("\\D", "")));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * The CPU time (user + system) the JVM under {@code /usr/bin/time} (and a launcher script it runs) has used so far,
     * from {@code /proc/PID/stat} in clock ticks of 1/100 s; 0 where there is no {@code /proc}.
     */
    private static double cpuSeconds(Process timed) {
        return timed.descendants()
                .mapToDouble(child -> {
                    try {
                        String stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
                        // fields after the command name, which is in parentheses and may hold spaces
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    } catch (IOException | RuntimeException gone) {
                        return 0;
                    }
                })
                .sum();
    }

    private record Run(double seconds, double cpuSeconds, long rssKb) {
        static double medianCpu(List<Run> runs) {
            return runs.stream()
                    .mapToDouble(Run::cpuSeconds)
                    .sorted()
                    .skip(runs.size() / 2)
                    .findFirst()
                    .orElse(0);
        }

        static Run median(List<Run> runs) {
            List<Run> sorted = new ArrayList<>(runs);
            sorted.sort(java.util.Comparator.comparingDouble(Run::seconds));
            return sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return String.format("%.2f/%.2f", seconds, cpuSeconds);
        }
    }
}
