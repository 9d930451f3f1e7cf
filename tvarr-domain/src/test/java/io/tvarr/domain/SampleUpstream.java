package io.tvarr.domain;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider's live channel for tests and benches: an HTTP server sending an MPEG-TS file at a steady byte rate,
 * once or over and over, until it is killed (its server stopped, its connections dropped).
 */
public final class SampleUpstream implements AutoCloseable {
    private static final int CHUNK = 188 * 40;

    private final HttpServer server;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean killed;

    private SampleUpstream(Path media, long bytesPerSecond, boolean loop) throws IOException {
        byte[] bytes = Files.readAllBytes(media);
        long pauseNanos = CHUNK * 1_000_000_000L / bytesPerSecond;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
                exchange.sendResponseHeaders(200, 0);
                do {
                    for (int at = 0; at < bytes.length && !killed; at += CHUNK) {
                        int n = Math.min(CHUNK, bytes.length - at);
                        out.write(bytes, at, n);
                        out.flush();
                        sent.addAndGet(n);
                        Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
                    }
                } while (loop && !killed);
            } catch (IOException | InterruptedException e) {
                // the client hung up, or the upstream was killed
            }
        });
        server.start();
    }

    /** Sends {@code media} at {@code bytesPerSecond}, over and over ({@code loop}) or once. */
    public static SampleUpstream serving(Path media, long bytesPerSecond, boolean loop) throws IOException {
        return new SampleUpstream(media, bytesPerSecond, loop);
    }

    /** The URL of its one channel. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/live/channel.ts";
    }

    /** Bytes sent so far, to every client. */
    public long sent() {
        return sent.get();
    }

    /** The provider dies: the server stops and every connection is dropped. */
    public void kill() {
        killed = true;
        server.stop(0);
    }

    @Override
    public void close() {
        kill();
    }
}
