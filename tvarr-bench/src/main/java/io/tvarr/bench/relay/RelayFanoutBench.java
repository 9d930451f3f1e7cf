package io.tvarr.bench.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.app.ConfigKey;
import io.tvarr.app.ConfigLoader;
import io.tvarr.app.TvarrApplication;
import io.tvarr.bench.PeakHeap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relay fan-out bench through the real server: one local upstream paced at 20 Mbit/s, 50 clients on loopback
 * watching the same channel of a proxy in proxy mode for 20 s. Prints upstream connections, per-client
 * throughput, CPU seconds per GB delivered and peak heap; then raw passthrough of one client from an unpaced
 * upstream against curl reading the same upstream directly.
 * Run: {@code java -Xmx256m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.relay.RelayFanoutBench [clients] [seconds]}
 */
public final class RelayFanoutBench {
    private static final int PACKETS = 100;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        AtomicInteger connections = new AtomicInteger();
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        byte[] chunk = new byte[188 * PACKETS];
        for (int p = 0; p < PACKETS; p++) {
            chunk[p * 188] = 0x47;
        }
        upstream.createContext("/paced/", exchange -> serve(exchange, chunk, connections, true));
        upstream.createContext("/raw/", exchange -> serve(exchange, chunk, connections, false));
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        Path work = Files.createTempDirectory("tvarr-bench-relay");
        Path playlist = Files.writeString(
                work.resolve("p.m3u"),
                "#EXTM3U\n#EXTINF:-1,Paced\n" + base + "/paced/1.ts\n#EXTINF:-1,Raw\n" + base + "/raw/1.ts\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, work.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, work.toString());
        flags.put(ConfigKey.SERVER_ACCESS_LOG, "false");
        flags.put(ConfigKey.LOG_LEVEL, "WARN");
        // a private loopback server measuring the relay: the admin API needs no login here
        flags.put(ConfigKey.AUTH_DISABLED, "true");
        try (TvarrApplication app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags))) {
            String api = "http://127.0.0.1:" + app.port();
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String source = json.readTree(post(
                            http,
                            api + "/api/v1/sources/stream",
                            "{\"name\":\"p\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}"))
                    .get("id")
                    .asText();
            post(http, api + "/api/v1/sources/stream/" + source + "/ingest", "");
            Thread.sleep(1500);
            String proxy = json.readTree(post(
                            http,
                            api + "/api/v1/proxies",
                            "{\"name\":\"bench\",\"sources\":[\"" + source + "\"],\"deliveryMode\":\"proxy\"}"))
                    .get("id")
                    .asText();
            List<String> streams = http.send(
                            HttpRequest.newBuilder(URI.create(api + "/proxy/" + proxy + ".m3u"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .lines()
                    .filter(l -> l.startsWith("http"))
                    .map(l -> api + l.replaceFirst("^http://[^/]+", ""))
                    .toList();
            System.out.printf(
                    "RelayFanoutBench: %d clients x %d s, upstream paced at 20 Mbit/s, java %s%n",
                    clients, seconds, Runtime.version());

            PeakHeap.reset();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long[] received = fanOut(streams.get(0), clients, seconds);
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            long total = 0;
            long min = Long.MAX_VALUE;
            long max = 0;
            for (long r : received) {
                total += r;
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
            System.out.printf("upstream connections: %d%n", connections.get());
            System.out.printf(
                    "per client: min %.1f Mbit/s, max %.1f Mbit/s; delivered %.2f GB in total%n",
                    min * 8 / 1e6 / seconds, max * 8 / 1e6 / seconds, total / 1e9);
            System.out.printf(
                    "CPU: %.1f s for the process (server, upstream and clients) = %.1f CPU s per GB%n",
                    cpu, cpu / (total / 1e9));
            System.out.printf("peak heap %d MiB (max %d MiB)%n", PeakHeap.megabytes(), PeakHeap.maxMegabytes());

            long[] one = fanOut(streams.get(1), 1, 10);
            System.out.printf("raw passthrough, one client through tvarr: %.0f Mbit/s%n", one[0] * 8 / 1e6 / 10);
            Process curl = new ProcessBuilder(
                            "curl",
                            "-s",
                            "-o",
                            "/dev/null",
                            "--max-time",
                            "10",
                            "-w",
                            "%{size_download}",
                            base + "/raw/2.ts")
                    .redirectErrorStream(true)
                    .start();
            String bytes = new String(curl.getInputStream().readAllBytes()).strip();
            curl.waitFor();
            System.out.printf(
                    "raw upstream read directly by curl: %.0f Mbit/s%n", Long.parseLong(bytes) * 8 / 1e6 / 10);
        } finally {
            upstream.stop(0);
        }
    }

    private static long[] fanOut(String url, int clients, int seconds) throws InterruptedException {
        long[] received = new long[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < clients; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try (InputStream in = http.send(
                                HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofInputStream())
                        .body()) {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while (System.nanoTime() < deadline && (n = in.read(buffer)) >= 0) {
                        received[index] += n;
                    }
                } catch (IOException | InterruptedException e) {
                    System.out.println("client " + index + " failed: " + e);
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        done.await();
        return received;
    }

    private static void serve(
            com.sun.net.httpserver.HttpExchange exchange, byte[] chunk, AtomicInteger connections, boolean paced) {
        connections.incrementAndGet();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        try (exchange;
                OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
            exchange.sendResponseHeaders(200, 0);
            while (true) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
                if (paced) {
                    // 20 Mbit/s = 2.5 MB/s
                    long due = start + sent.get() * 1_000_000_000L / 2_500_000L;
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

    private static String post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
