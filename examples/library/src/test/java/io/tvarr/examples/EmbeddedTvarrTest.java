package io.tvarr.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's library example as an embedder would, against a local provider. */
class EmbeddedTvarrTest {
    @TempDir
    Path dir;

    private HttpServer provider;

    @BeforeEach
    void start_a_provider_that_streams_mpeg_ts() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/live/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
            exchange.sendResponseHeaders(200, 0);
            byte[] packet = new byte[188];
            packet[0] = 0x47;
            packet[1] = 0x1f;
            packet[2] = (byte) 0xff;
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 5_000; i++) {
                    body.write(packet);
                }
            } catch (IOException e) {
                // the relay hung up once its last viewer left
            }
        });
        provider.start();
    }

    @AfterEach
    void stop_the_provider() {
        provider.stop(0);
    }

    @Test
    void ingests_filters_maps_publishes_and_plays_a_channel() throws Exception {
        String base = "http://127.0.0.1:" + provider.getAddress().getPort() + "/live/";
        Path playlist = dir.resolve("provider.m3u");
        Files.writeString(
                playlist,
                "#EXTM3U\n"
                        + "#EXTINF:-1 tvg-id=\"news.uk\" group-title=\"News\",News HD\n" + base + "1.ts\n"
                        + "#EXTINF:-1 tvg-id=\"shop.uk\" group-title=\"Shopping\",Shop TV\n" + base + "2.ts\n"
                        + "#EXTINF:-1 tvg-id=\"sport.uk\" group-title=\"Sports\",Sports One HD\n" + base + "3.ts\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Files.createDirectories(out);

        PrintStream originalErr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        String printed;
        try {
            printed = runMain(playlist.toString(), out.toString());
        } finally {
            System.setErr(originalErr);
        }

        assertThat(printed)
                .contains("ingested 3 channels")
                .contains("published 2 channels")
                .contains("read 188 bytes of News HD");
        String m3u = Files.readString(out.resolve("playlist.m3u"));
        assertThat(m3u)
                .contains("tvg-chno=\"100\"")
                .contains(",News\n")
                .contains(",Sports One\n")
                .doesNotContain("Shop TV");
        assertThat(Files.readString(out.resolve("epg.xml"))).contains("<tv");
        // no SLF4J binding here: only SLF4J's own notice about that may appear, nothing from tvarr or its libraries
        assertThat(errors.toString(StandardCharsets.UTF_8).lines()).allMatch(line -> line.startsWith("SLF4J"));
    }

    private static String runMain(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddedTvarr.main(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
