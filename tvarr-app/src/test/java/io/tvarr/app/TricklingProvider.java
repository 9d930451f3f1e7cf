package io.tvarr.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider on this machine: {@code /<name>.m3u} is a one-channel playlist and {@code /<name>.xml} its guide, both
 * at once, except the first request for the trickled guide. That one sends a programme at a time, a few a second,
 * until {@link #release()} (or until its reader is gone, as when the instance reading it was killed), so the
 * ingestion reading it stays mid-way for as long as the test needs. Counts the requests per path.
 */
final class TricklingProvider implements AutoCloseable {
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);
    private static final Duration BETWEEN_PROGRAMMES = Duration.ofMillis(250);
    private static final Duration LONGEST_TRICKLE = Duration.ofMinutes(5);

    private final String trickledPath;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger trickled = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    /** Starts serving on a free port of 127.0.0.1; the guide named {@code trickledGuide} trickles once. */
    TricklingProvider(String trickledGuide) throws IOException {
        this.trickledPath = "/" + trickledGuide + ".xml";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    String playlistUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".m3u";
    }

    String guideUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".xml";
    }

    /** Requests for {@code /<name>.m3u} or {@code /<name>.xml} so far. */
    int requests(String path) {
        AtomicInteger seen = requests.get(path);
        return seen == null ? 0 : seen.get();
    }

    /** Programmes the trickled answer has sent so far. */
    int trickled() {
        return trickled.get();
    }

    /** Lets a trickle still running finish its document. */
    void release() {
        released.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int seen = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (path.endsWith(".m3u")) {
                send(
                        exchange,
                        "audio/x-mpegurl",
                        "#EXTM3U\n#EXTINF:-1 tvg-id=\"one\",One" + path + "\nhttp://up.example/1.ts\n");
            } else if (path.equals(trickledPath) && seen == 1) {
                trickle(exchange);
            } else {
                StringBuilder guide = new StringBuilder(head());
                Instant start = firstStart();
                for (int i = 0; i < 12; i++) {
                    guide.append(programme(start.plus(Duration.ofMinutes(10L * i))));
                }
                send(exchange, "application/xml", guide.append("</tv>\n").toString());
            }
        } catch (IOException e) {
            // the reader is gone: the instance that asked was killed, which is what the test does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void trickle(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(head().getBytes(StandardCharsets.UTF_8));
        Instant start = firstStart();
        Instant giveUp = Instant.now().plus(LONGEST_TRICKLE);
        while (!released.await(BETWEEN_PROGRAMMES.toMillis(), TimeUnit.MILLISECONDS)
                && Instant.now().isBefore(giveUp)) {
            int sent = trickled.get();
            body.write(programme(start.plus(Duration.ofMinutes(10L * sent))).getBytes(StandardCharsets.UTF_8));
            body.flush();
            trickled.incrementAndGet();
        }
        body.write("</tv>\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String head() {
        return "<?xml version=\"1.0\"?>\n<tv><channel id=\"one\"><display-name>One</display-name></channel>\n";
    }

    private static Instant firstStart() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    }

    private static String programme(Instant start) {
        return "<programme channel=\"one\" start=\"" + XMLTV.format(start) + "\" stop=\""
                + XMLTV.format(start.plus(Duration.ofMinutes(10))) + "\"><title>Show</title></programme>\n";
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
