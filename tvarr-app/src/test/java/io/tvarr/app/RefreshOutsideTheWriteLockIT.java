package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh downloads and parses its source before it opens the store's write transaction: on SQLite, whose one write
 * lock every write waits for (here for 200 ms at most), a provider trickling its playlist or guide in must not hold up
 * the other writes, and one failing half-way must leave the stored data as it was. The provider sends half of its
 * answer, then waits for the test.
 */
class RefreshOutsideTheWriteLockIT {
    private static final int ENTRIES = 2_000;
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private HalfwayProvider provider;
    private Tvarr tvarr;

    @BeforeEach
    void start() throws IOException {
        provider = new HalfwayProvider();
        String url = "jdbc:sqlite:" + dir.resolve("tvarr.db");
        tvarr = Tvarr.builder()
                .dataDir(dir)
                .database(new DatabaseSettings(url, null, null, 4, 1000, 5000, 1000, Duration.ofMillis(200)))
                .build();
    }

    @AfterEach
    void stop() {
        provider.release();
        tvarr.close();
        provider.close();
    }

    private IngestionStatus awaitEnd(java.util.function.Supplier<IngestionStatus> status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (status.get().state() == IngestionState.INGESTING) {
            assertThat(Instant.now()).as("the refresh did not end").isBefore(deadline);
            Thread.sleep(20);
        }
        return status.get();
    }

    private long spoolFiles() throws IOException {
        Path spools = dir.resolve("spool");
        if (!Files.isDirectory(spools)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spools)) {
            return files.count();
        }
    }

    @Nested
    class Channels {
        private StreamSource trickled;

        @BeforeEach
        void stored_once() {
            trickled = tvarr.sources().create(SaveStreamSourceCommand.m3u("slow", provider.url("/slow.m3u")));
            assertThat(tvarr.sourceIngestion().ingest(trickled.id()).lastCount())
                    .isEqualTo(ENTRIES);
        }

        @Test
        void other_writes_succeed_while_a_playlist_trickles_in_and_the_refresh_then_stores_it_whole() throws Exception {
            StreamSource quick = tvarr.sources().create(SaveStreamSourceCommand.m3u("quick", provider.url("/q.m3u")));
            provider.holdNext("/slow.m3u");

            tvarr.sourceIngestion().start(trickled.id());
            provider.awaitHalfSent();
            tvarr.filters().create(SaveFilterCommand.excludeChannels("no news", "group_title contains \"News\""));
            IngestionStatus other = tvarr.sourceIngestion().ingest(quick.id());
            provider.release();
            IngestionStatus refreshed = awaitEnd(() -> tvarr.sourceIngestion().status(trickled.id()));

            assertThat(other.state()).isEqualTo(IngestionState.SUCCEEDED);
            assertThat(refreshed.state()).as(refreshed.lastError()).isEqualTo(IngestionState.SUCCEEDED);
            assertThat(refreshed.lastCount()).isEqualTo(ENTRIES);
            assertThat(tvarr.channels()
                            .page(new ChannelQuery(trickled.id(), null, null, 0, 1))
                            .total())
                    .isEqualTo(ENTRIES);
            assertThat(tvarr.filters().list()).extracting(Filter::name).contains("no news");
            assertThat(spoolFiles()).isZero();
        }

        @Test
        void a_download_failing_half_way_keeps_the_stored_channels_and_says_why() throws Exception {
            provider.failNext("/slow.m3u");

            assertThatThrownBy(() -> tvarr.sourceIngestion().ingest(trickled.id()))
                    .hasMessageContaining("/slow.m3u");

            IngestionStatus failed = tvarr.sourceIngestion().status(trickled.id());
            assertThat(failed.state()).isEqualTo(IngestionState.FAILED);
            assertThat(failed.lastError()).contains("/slow.m3u");
            assertThat(tvarr.channels()
                            .page(new ChannelQuery(trickled.id(), null, null, 0, 1))
                            .total())
                    .isEqualTo(ENTRIES);
            assertThat(spoolFiles()).isZero();
        }
    }

    @Nested
    class Guides {
        private EpgSource trickled;

        @BeforeEach
        void stored_once() {
            trickled = tvarr.guides().create(SaveEpgSourceCommand.xmltv("slow", provider.url("/slow.xml")));
            assertThat(tvarr.guideIngestion().ingest(trickled.id()).lastCount()).isEqualTo(ENTRIES);
        }

        @Test
        void other_writes_succeed_while_a_guide_trickles_in_and_the_refresh_then_stores_it_whole() throws Exception {
            provider.holdNext("/slow.xml");

            tvarr.guideIngestion().start(trickled.id());
            provider.awaitHalfSent();
            tvarr.proxies().create(SaveProxyCommand.named("den"));
            provider.release();
            IngestionStatus refreshed = awaitEnd(() -> tvarr.guideIngestion().status(trickled.id()));

            assertThat(refreshed.state()).as(refreshed.lastError()).isEqualTo(IngestionState.SUCCEEDED);
            assertThat(refreshed.lastCount()).isEqualTo(ENTRIES);
            assertThat(tvarr.proxies().list()).extracting(StreamProxy::name).containsExactly("den");
            assertThat(spoolFiles()).isZero();
        }

        @Test
        void a_download_failing_half_way_keeps_the_stored_guide_and_says_why() throws Exception {
            provider.failNext("/slow.xml");

            assertThatThrownBy(() -> tvarr.guideIngestion().ingest(trickled.id()))
                    .hasMessageContaining("/slow.xml");

            IngestionStatus failed = tvarr.guideIngestion().status(trickled.id());
            assertThat(failed.state()).isEqualTo(IngestionState.FAILED);
            assertThat(failed.lastError()).contains("/slow.xml");
            assertThat(failed.lastCount()).isEqualTo(ENTRIES);
            assertThat(tvarr.programmes()
                            .programmes(
                                    trickled.id(),
                                    "c0",
                                    Instant.EPOCH,
                                    Instant.now().plus(Duration.ofDays(400)),
                                    0,
                                    10)
                            .size())
                    .isEqualTo(10);
            assertThat(spoolFiles()).isZero();
        }
    }

    /**
     * Serves {@code *.m3u} as a playlist and {@code *.xml} as a guide of {@link #ENTRIES} entries each. The next
     * request for a path given to {@link #holdNext} sends half its entries, then waits for {@link #release}; one given
     * to {@link #failNext} sends half and then drops the connection (fewer bytes than its length said).
     */
    private static final class HalfwayProvider implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final CountDownLatch halfSent = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile String held = "";
        private volatile String failing = "";

        HalfwayProvider() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.setExecutor(executor);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void holdNext(String path) {
            held = path;
        }

        void failNext(String path) {
            failing = path;
        }

        void awaitHalfSent() throws InterruptedException {
            assertThat(halfSent.await(30, TimeUnit.SECONDS))
                    .as("the provider sent half its answer")
                    .isTrue();
        }

        void release() {
            released.countDown();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            boolean guide = path.endsWith(".xml");
            byte[] first = (guide ? guideHead() + programmes(0, ENTRIES / 2) : "#EXTM3U\n" + channels(0, ENTRIES / 2))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] rest = (guide ? programmes(ENTRIES / 2, ENTRIES) + "</tv>\n" : channels(ENTRIES / 2, ENTRIES))
                    .getBytes(StandardCharsets.UTF_8);
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", guide ? "application/xml" : "audio/x-mpegurl");
                exchange.sendResponseHeaders(200, first.length + rest.length);
                OutputStream body = exchange.getResponseBody();
                body.write(first);
                body.flush();
                if (path.equals(failing)) {
                    failing = "";
                    // closing now sends fewer bytes than announced: the client sees the answer cut off
                    return;
                }
                if (path.equals(held)) {
                    held = "";
                    halfSent.countDown();
                    released.await(60, TimeUnit.SECONDS);
                }
                body.write(rest);
            } catch (IOException e) {
                // the cut-off answer: the server refuses to close a short body cleanly, which is the point
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String channels(int from, int until) {
            StringBuilder text = new StringBuilder();
            for (int i = from; i < until; i++) {
                text.append("#EXTINF:-1 tvg-id=\"c")
                        .append(i)
                        .append("\" group-title=\"G\",Channel ")
                        .append(i)
                        .append("\nhttp://up.example/")
                        .append(i)
                        .append(".ts\n");
            }
            return text.toString();
        }

        private static String guideHead() {
            return "<?xml version=\"1.0\"?>\n<tv><channel id=\"c0\"><display-name>Channel 0</display-name></channel>\n";
        }

        private static String programmes(int from, int until) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);
            StringBuilder text = new StringBuilder();
            for (int i = from; i < until; i++) {
                text.append("<programme channel=\"c0\" start=\"")
                        .append(XMLTV.format(start.plus(Duration.ofMinutes(5L * i))))
                        .append("\" stop=\"")
                        .append(XMLTV.format(start.plus(Duration.ofMinutes(5L * (i + 1)))))
                        .append("\"><title>Show ")
                        .append(i)
                        .append("</title></programme>\n");
            }
            return text.toString();
        }

        @Override
        public void close() {
            release();
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
