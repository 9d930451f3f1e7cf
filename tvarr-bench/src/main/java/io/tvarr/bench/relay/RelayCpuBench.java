package io.tvarr.bench.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.bench.ServeProcess;
import io.tvarr.bench.WorkDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay's cost against nginx {@code proxy_pass} on the same upstream, in the same run: CPU seconds per GB
 * delivered, throughput and resident size of the relaying process alone (tvarr serve as a child process; the nginx
 * master and worker), read from {@code /proc} before and after each window. The upstream and the clients live in
 * this process, so their CPU counts for neither. Scenarios: one client reading an unpaced upstream as fast as it
 * can, and 50 clients watching one channel whose upstream is paced at 20 Mbit/s (tvarr opens it once and fans it
 * out; nginx, which has no fan-out, opens it 50 times). Each window starts once the relay has closed the previous
 * one's upstreams (tvarr keeps one open for its grace period after the last client left); that time and the CPU
 * spent in it print beside the window, apart from its CPU per GB. Without nginx on the PATH the nginx lines say so
 * and the tvarr lines still print.
 *
 * <p>Run: {@code java -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.relay.RelayCpuBench [seconds] [rounds]
 * [tvarr command, default "./tvarr", the launcher with its JVM flags]}; several tvarr commands separated by {@code |}
 * are measured side by side (a build before and after a change, or other JVM flags). With {@code
 * -Drelay.bench.times=true} each window's span on the monotonic clock prints too, to cut a {@code perf record -k
 * monotonic} of the relaying process to one window ({@code perf report --time from,to}).
 */
public final class RelayCpuBench {
    private static final int PACKETS = 1000;
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Pattern STREAM = Pattern.compile("^http://[^/]+(/.*)$");

    private RelayCpuBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<List<String>> tvarrs = new ArrayList<>();
        for (String command : (args.length > 2 ? args[2] : "./tvarr").split("\\|")) {
            tvarrs.add(List.of(command.strip().split(" +")));
        }
        byte[] chunk = new byte[188 * PACKETS];
        for (int p = 0; p < PACKETS; p++) {
            chunk[p * 188] = 0x47;
        }
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/raw/", exchange -> serve(exchange, chunk, false));
        upstream.createContext("/paced/", exchange -> serve(exchange, chunk, true));
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-relaycpu")) {
            Path playlist = Files.writeString(
                    work.resolve("p.m3u"),
                    "#EXTM3U\n#EXTINF:-1,Raw\n" + base + "/raw/1.ts\n#EXTINF:-1,Paced\n" + base + "/paced/1.ts\n");
            List<Relay> relays = new ArrayList<>();
            Relay nginx = Nginx.start(work, upstream.getAddress().getPort());
            if (nginx == null) {
                System.out.println("nginx: not on the PATH, its reference lines are skipped (apt-get install nginx)");
            } else {
                relays.add(nginx);
            }
            for (int t = 0; t < tvarrs.size(); t++) {
                relays.add(Tvarr.start("tvarr#" + (t + 1), tvarrs.get(t), work, playlist));
            }
            System.out.printf(
                    "RelayCpuBench: %d s per window, %d rounds, %d cores, load average %.1f, upstream %s%n",
                    seconds,
                    rounds,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(),
                    base);
            Thread.sleep(2000);
            for (Relay relay : relays) {
                System.out.printf("  %-8s idle, ready to relay: %5d MB resident%n", relay.name(), relay.rssKb() / 1024);
            }
            try {
                List<Window> results = new ArrayList<>();
                for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT and the caches
                    for (Relay relay : relays) {
                        Window one = window(relay, "1 client, unpaced", relay.rawUrl(), 1, seconds);
                        Window fifty = window(relay, "50 clients, 20 Mbit/s", relay.pacedUrl(), 50, seconds);
                        if (round > 0) {
                            results.add(one);
                            results.add(fifty);
                            System.out.println("  " + one);
                            System.out.println("  " + fifty);
                        }
                    }
                }
                System.out.println("best round of each (lowest CPU per GB):");
                List<String> printed = new ArrayList<>();
                for (Window w : results) {
                    String key = w.relay + "|" + w.scenario;
                    if (!printed.contains(key)) {
                        printed.add(key);
                        Window best = results.stream()
                                .filter(o -> (o.relay + "|" + o.scenario).equals(key))
                                .min(java.util.Comparator.comparingDouble(Window::cpuPerGb))
                                .orElseThrow();
                        System.out.println("  " + best);
                    }
                }
                for (String scenario : List.of("1 client, unpaced", "50 clients, 20 Mbit/s")) {
                    Window reference = best(results, "nginx", scenario);
                    for (int t = 0; t < tvarrs.size(); t++) {
                        Window mine = best(results, "tvarr#" + (t + 1), scenario);
                        if (reference != null && mine != null) {
                            System.out.printf(
                                    "ratio tvarr#%d / nginx, %s: CPU per GB x%.2f%n",
                                    t + 1, scenario, mine.cpuPerGb() / reference.cpuPerGb());
                        }
                    }
                }
                for (int t = 0; t < tvarrs.size(); t++) {
                    Window one = best(results, "tvarr#" + (t + 1), "1 client, unpaced");
                    Window fifty = best(results, "tvarr#" + (t + 1), "50 clients, 20 Mbit/s");
                    if (one != null && fifty != null) {
                        System.out.printf(
                                "ratio tvarr#%d 50 clients / 1 client: CPU per GB x%.2f%n",
                                t + 1, fifty.cpuPerGb() / one.cpuPerGb());
                    }
                }
            } finally {
                relays.forEach(Relay::close);
            }
        } finally {
            upstream.stop(0);
        }
    }

    private static Window best(List<Window> results, String relay, String scenario) {
        return results.stream()
                .filter(w -> w.relay.equals(relay) && w.scenario.equals(scenario))
                .min(java.util.Comparator.comparingDouble(Window::cpuPerGb))
                .orElse(null);
    }

    /** One measured window: clients read for {@code seconds}, the relay's CPU is read from /proc around it. */
    private static Window window(Relay relay, String scenario, String url, int clients, int seconds)
            throws InterruptedException {
        long[] received = new long[clients];
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        URI uri = URI.create(url);
        Object gate = new Object();
        boolean[] started = {false};
        for (int i = 0; i < clients; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                    socket.setReceiveBufferSize(1 << 20);
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                    + "\r\nUser-Agent: RelayCpuBench\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[256 * 1024];
                    // the first bytes mean the upstream is open; counting starts once every client has them
                    int first = in.read(buffer);
                    connected.countDown();
                    synchronized (gate) {
                        while (!started[0]) {
                            gate.wait();
                        }
                    }
                    if (first < 0) {
                        return;
                    }
                    int n;
                    while (System.nanoTime() < window[1] && (n = in.read(buffer)) >= 0) {
                        received[index] += n;
                    }
                } catch (IOException | InterruptedException e) {
                    System.out.println("  client " + index + " of " + relay.name() + " failed: " + e);
                    connected.countDown();
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        connected.await();
        long cpuBefore = relay.cpuTicks();
        long start = System.nanoTime();
        synchronized (gate) {
            window[0] = start;
            window[1] = start + seconds * 1_000_000_000L;
            started[0] = true;
            gate.notifyAll();
        }
        done.await();
        if (Boolean.getBoolean("relay.bench.times")) {
            System.out.printf(
                    "  window %s %s monotonic %.3f-%.3f%n",
                    relay.name(), scenario, start / 1e9, System.nanoTime() / 1e9);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (relay.cpuTicks() - cpuBefore) / (double) TICKS_PER_SECOND;
        long total = 0;
        long min = Long.MAX_VALUE;
        for (long r : received) {
            total += r;
            min = Math.min(min, r);
        }
        long rssKb = relay.rssKb();
        // the next window counts the relay's CPU alone: an upstream still open (tvarr keeps one for its grace period
        // after the last client left, reading an unpaced one as fast as it comes) would be charged to it
        long closing = System.nanoTime();
        long cpuClosing = relay.cpuTicks();
        relay.awaitUpstreamsClosed();
        double closed = (System.nanoTime() - closing) / 1e9;
        double closingCpu = (relay.cpuTicks() - cpuClosing) / (double) TICKS_PER_SECOND;
        Thread.sleep(500);
        return new Window(relay.name(), scenario, clients, total, min, elapsed, cpu, rssKb, closed, closingCpu);
    }

    private record Window(
            String relay,
            String scenario,
            int clients,
            long bytes,
            long minClientBytes,
            double seconds,
            double cpuSeconds,
            long rssKb,
            double closingSeconds,
            double closingCpuSeconds) {
        double cpuPerGb() {
            return cpuSeconds / (bytes / 1e9);
        }

        @Override
        public String toString() {
            return String.format(
                    "%-8s %-22s %6.2f CPU s per GB  %7.0f Mbit/s in total (slowest client %5.0f)  CPU %5.2f s"
                            + "  %5d MB resident; upstreams closed %4.1f s later, CPU %5.2f s meanwhile",
                    relay,
                    scenario,
                    cpuPerGb(),
                    bytes * 8 / 1e6 / seconds,
                    minClientBytes * 8 / 1e6 / seconds,
                    cpuSeconds,
                    rssKb / 1024,
                    closingSeconds,
                    closingCpuSeconds);
        }
    }

    /** An endless MPEG-TS-like stream; paced at 20 Mbit/s or as fast as the reader takes it. */
    private static void serve(HttpExchange exchange, byte[] chunk, boolean paced) {
        long sent = 0;
        long start = System.nanoTime();
        try (exchange;
                OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
            exchange.sendResponseHeaders(200, 0);
            while (true) {
                out.write(chunk);
                sent += chunk.length;
                if (paced) {
                    long due = start + sent * 1_000_000_000L / 2_500_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the relay hung up
        }
    }

    /** A relaying process tree whose CPU and resident size are read from /proc. */
    private interface Relay extends AutoCloseable {
        String name();

        String rawUrl();

        String pacedUrl();

        ProcessHandle process();

        /** utime + stime of the process and its descendants, in clock ticks. */
        default long cpuTicks() {
            return ServeProcess.ProcTree.cpuTicks(process());
        }

        default long rssKb() {
            return ServeProcess.ProcTree.rssKb(process());
        }

        /** Returns once the relay has closed every upstream; nginx closes its own with the client's connection. */
        default void awaitUpstreamsClosed() throws InterruptedException {}

        @Override
        void close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** nginx with one worker proxying everything to the upstream, as a reverse proxy in front of a stream would. */
    private record Nginx(Process child, int port) implements Relay {
        static Nginx start(WorkDirectory work, int upstreamPort) throws IOException, InterruptedException {
            String binary = null;
            for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
                if (Files.isExecutable(Path.of(candidate))) {
                    binary = candidate;
                }
            }
            if (binary == null) {
                return null;
            }
            int port = freePort();
            Path prefix = Files.createDirectories(work.resolve("nginx"));
            Files.createDirectories(prefix.resolve("logs"));
            Path conf = Files.writeString(prefix.resolve("nginx.conf"), """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        server {
                            listen 127.0.0.1:%2$d;
                            location / {
                                proxy_pass http://127.0.0.1:%3$d;
                                proxy_http_version 1.1;
                                proxy_max_temp_file_size 0;
                            }
                        }
                    }
                    """.formatted(prefix, port, upstreamPort));
            Process process = new ProcessBuilder(binary, "-p", prefix.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("logs/out.log").toFile())
                    .start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    return new Nginx(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException(
                    "nginx did not listen in 10 s: " + Files.readString(prefix.resolve("logs/out.log")));
        }

        @Override
        public String name() {
            return "nginx";
        }

        @Override
        public String rawUrl() {
            return "http://127.0.0.1:" + port + "/raw/1.ts";
        }

        @Override
        public String pacedUrl() {
            return "http://127.0.0.1:" + port + "/paced/1.ts";
        }

        @Override
        public ProcessHandle process() {
            return child.toHandle();
        }

        @Override
        public void close() {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        }
    }

    /** {@code tvarr serve} as a user starts it, with a proxy in proxy mode over the bench's playlist. */
    private record Tvarr(String name, ServeProcess serve, String rawUrl, String pacedUrl) implements Relay {
        static Tvarr start(String name, List<String> command, WorkDirectory work, Path playlist)
                throws IOException, InterruptedException {
            ServeProcess serve = ServeProcess.start(name, command, work);
            String source = ServeProcess.id(serve.post(
                    "/api/v1/sources/stream",
                    "{\"name\":\"p\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}"));
            serve.ingest("/api/v1/sources/stream/" + source, 120);
            String proxy = ServeProcess.id(serve.post(
                    "/api/v1/proxies",
                    "{\"name\":\"bench\",\"sources\":[\"" + source + "\"],\"deliveryMode\":\"proxy\"}"));
            List<String> streams = new ArrayList<>();
            for (String line : serve.get("/proxy/" + proxy + ".m3u").lines().toList()) {
                Matcher m = STREAM.matcher(line);
                if (m.matches()) {
                    streams.add(serve.api() + m.group(1));
                }
            }
            if (streams.size() != 2) {
                serve.close();
                throw new IllegalStateException(name + ": expected 2 channels in the proxy, got " + streams);
            }
            return new Tvarr(name, serve, streams.get(0), streams.get(1));
        }

        @Override
        public ProcessHandle process() {
            return serve.process();
        }

        @Override
        public void awaitUpstreamsClosed() throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            try {
                while (!serve.get("/api/v1/relay/sessions").strip().equals("[]")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                name + ": relay sessions still open 30 s after the clients left");
                    }
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                throw new IllegalStateException(name + ": relay sessions not readable", e);
            }
        }

        @Override
        public void close() {
            serve.close();
        }
    }
}
