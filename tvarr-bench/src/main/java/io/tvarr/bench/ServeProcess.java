package io.tvarr.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tvarr serve} as a user starts it, as a child process the benches measure from {@code /proc}: on a free port
 * of 127.0.0.1, a data directory of its own, no authentication, discovery off, logging at WARN, and {@code file:}
 * sources allowed from the bench's work directory. {@link #close()} stops it as a service manager would.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([^\"]+)\"");

    private final String name;
    private final Process child;
    private final String api;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServeProcess(String name, Process child, String api) {
        this.name = name;
        this.child = child;
        this.api = api;
    }

    /**
     * Starts {@code command serve …} and waits until {@code /readyz} answers 200.
     *
     * @param command how to run tvarr, e.g. {@code ./tvarr} or {@code java -jar tvarr-app/target/tvarr.jar}
     */
    public static ServeProcess start(String name, List<String> command, WorkDirectory work)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--data-dir",
                work.resolve("data-" + name).toString()));
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().put("TVARR_HDHOMERUN_DISCOVERY_PORT", "0");
        builder.environment().put("TVARR_HDHOMERUN_SSDP_PORT", "0");
        builder.environment().put("TVARR_AUTH_DISABLED", "true");
        builder.environment().put("TVARR_SERVER_ACCESS_LOG", "false");
        builder.environment().put("TVARR_LOG_LEVEL", "WARN");
        builder.environment().put("TVARR_SOURCES_ALLOWED_DIRS", work.path().toString());
        ServeProcess serve = new ServeProcess(name, builder.start(), "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!serve.ready()) {
            if (!serve.child.isAlive()) {
                throw new IllegalStateException(name + " ended: " + Files.readString(work.resolve(name + ".log")));
            }
            if (System.nanoTime() > deadline) {
                serve.child.destroyForcibly();
                throw new IllegalStateException(name + " not ready in 120 s");
            }
            Thread.sleep(50);
        }
        return serve;
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(api + "/readyz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The server's base URL, {@code http://127.0.0.1:port}. */
    public String api() {
        return api;
    }

    public ProcessHandle process() {
        return child.toHandle();
    }

    /** POSTs JSON to {@code path} and answers the body; a status of 400 or more is an error naming the body. */
    public String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(api + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(
                    name + ": POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The {@code id} of a created resource in a JSON answer. */
    public static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    /**
     * Runs the first refresh of the source at {@code path} ({@code /api/v1/sources/stream/{id}} or {@code …/epg/{id}}), waits
     * until its refresh has ended; a refresh that did not succeed is an error naming its status.
     */
    public void ingest(String path, long timeoutSeconds) throws IOException, InterruptedException {
        post(path + "/ingest", "");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String status = get(path + "/status");
            Optional<String> state = state(status);
            if (state.isPresent() && state.get().equals("succeeded")) {
                return;
            }
            if (state.isPresent()
                    && (state.get().equals("failed") || state.get().equals("needs_confirmation"))) {
                throw new IllegalStateException(name + ": refresh of " + path + " ended " + status);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + ": refresh of " + path + " not done in " + timeoutSeconds + " s");
    }

    private static Optional<String> state(String json) {
        Matcher m = STATE.matcher(json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Resident size of the process and its children (FFmpeg), in KiB, from {@code /proc}. */
    public long rssKb() {
        return ProcTree.rssKb(process());
    }

    /** utime + stime of the process and its children, in clock ticks. */
    public long cpuTicks() {
        return ProcTree.cpuTicks(process());
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @Override
    public void close() {
        child.destroy();
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        child.destroyForcibly();
    }

    /** Reading a process tree's CPU and resident size from Linux's {@code /proc}. */
    public static final class ProcTree {
        private ProcTree() {}

        public static long cpuTicks(ProcessHandle process) {
            long ticks = ticks(process.pid());
            for (ProcessHandle child : process.descendants().toList()) {
                ticks += ticks(child.pid());
            }
            return ticks;
        }

        public static long rssKb(ProcessHandle process) {
            long kb = rss(process.pid());
            for (ProcessHandle child : process.descendants().toList()) {
                kb += rss(child.pid());
            }
            return kb;
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // fields after the command name, which is in parentheses and may hold spaces
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                return 0;
            }
        }

        private static long rss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return 0;
        }
    }
}
