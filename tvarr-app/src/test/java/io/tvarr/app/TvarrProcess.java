package io.tvarr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tvarr serve} in a process of its own, started from this test's class path (the jar is built after the
 * tests), configured only through its {@code TVARR_*} environment variables, its output in a log file beside its
 * data directory. Killing it is a real crash: no shutdown hook, the database sees its connections drop.
 */
final class TvarrProcess implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("tvarr started .*\\bport=(\\d+)");
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final String id;
    private final Process process;
    private final Path log;

    private TvarrProcess(String id, Process process, Path log) {
        this.id = id;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts an instance named {@code id} with its data directory under {@code dir}; the settings are given as the
     * environment, which holds no other {@code TVARR_*} variable than those.
     */
    static TvarrProcess start(String id, Path dir, Map<ConfigKey, String> settings) throws IOException {
        return start(id, dir, settings, List.of(), Map.of());
    }

    /**
     * As {@link #start(String, Path, Map)}, the JVM given {@code jvmOptions} too and the process {@code environment}
     * (variables other than tvarr's own, such as {@code XDG_CACHE_HOME}).
     */
    static TvarrProcess start(
            String id,
            Path dir,
            Map<ConfigKey, String> settings,
            List<String> jvmOptions,
            Map<String, String> otherEnvironment)
            throws IOException {
        Path dataDir = Files.createDirectories(dir.resolve(id));
        Path log = dir.resolve(id + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // three servers and the test share two cores: the quick compiler and a small heap are plenty
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TvarrCommand.class.getName(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(dataDir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TVARR_"));
        environment.putAll(otherEnvironment);
        settings.forEach((key, value) -> environment.put(key.environmentVariable(), value));
        environment.put(ConfigKey.INSTANCE_ID.environmentVariable(), id);
        environment.put(ConfigKey.DATA_DIR.environmentVariable(), dataDir.toString());
        return new TvarrProcess(id, builder.start(), log);
    }

    String id() {
        return id;
    }

    /** Waits for the line saying the server listens, and returns its port. */
    int awaitPort(Duration wait) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (started.find()) {
                return Integer.parseInt(started.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        id + " exited with " + process.exitValue() + " before listening; its log ends:\n" + logTail());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not listen within " + wait.toSeconds() + " s; its log ends:\n" + logTail());
    }

    /** SIGKILL, as when the machine or the container dies: nothing of tvarr runs any more. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError(id + " still runs " + STOP_WAIT.toSeconds() + " s after SIGKILL");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The last lines of its output, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops it as a service manager would (SIGTERM), and kills it if it does not stop in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
