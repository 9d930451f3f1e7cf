package io.tvarr.relay.hls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.TranscodeProcess;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.source.SourceId;
import io.tvarr.relay.RelaySettings;
import io.tvarr.relay.ffmpeg.ProcessFFmpeg;
import io.tvarr.relay.ffmpeg.SystemHardwareDetector;
import io.tvarr.relay.session.RelayHub;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HLS ladders made by FFmpeg's hls muxer, served locally, collapsed into one TS stream by the relay. */
class HlsCollapseTest {
    @TempDir
    static Path dir;

    static ProcessFFmpeg ffmpeg;
    static HttpServer server;
    static final AtomicInteger liveRequests = new AtomicInteger();

    @BeforeAll
    static void prepare() throws Exception {
        ffmpeg = new ProcessFFmpeg(null);
        try {
            ffmpeg.installation();
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed, skipping HLS tests: " + e.getMessage());
        }
        rendition("low", "320x240", "300k");
        rendition("high", "640x480", "900k");
        Files.writeString(dir.resolve("master.m3u8"), """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240
                low/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1000000,RESOLUTION=640x480
                high/index.m3u8
                """);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hls/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring("/hls/".length());
                Path file = dir.resolve(name).normalize();
                if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders()
                        .add("Content-Type", name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t");
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        });
        server.createContext("/live/index.m3u8", exchange -> {
            try (exchange) {
                List<String> segments = segments("high");
                int start = Math.min(liveRequests.getAndIncrement(), segments.size() - 3);
                StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                        + "#EXT-X-MEDIA-SEQUENCE:" + start + "\n");
                for (int i = start; i < start + 3; i++) {
                    playlist.append("#EXTINF:1.0,\n/hls/high/")
                            .append(segments.get(i))
                            .append('\n');
                }
                if (start + 3 >= segments.size()) {
                    playlist.append("#EXT-X-ENDLIST\n");
                }
                byte[] body = playlist.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.apple.mpegurl");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    private static void rendition(String name, String size, String bitrate) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        try (TranscodeProcess make = ffmpeg.start(List.of(
                        "-hide_banner",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=" + size + ":rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000",
                        "-t",
                        "6",
                        "-c:v",
                        "mpeg2video",
                        "-b:v",
                        bitrate,
                        "-g",
                        "25",
                        "-c:a",
                        "mp2",
                        "-f",
                        "hls",
                        "-hls_time",
                        "1",
                        "-hls_list_size",
                        "0",
                        "-hls_playlist_type",
                        "vod",
                        "-hls_segment_filename",
                        out.resolve("seg%03d.ts").toString(),
                        out.resolve("index.m3u8").toString()));
                InputStream stdout = make.output()) {
            stdout.readAllBytes();
            for (int i = 0; i < 300 && make.isAlive(); i++) {
                Thread.sleep(50);
            }
        }
        assertThat(segments(name)).hasSizeGreaterThanOrEqualTo(5);
    }

    private static List<String> segments(String rendition) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(rendition))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ts"))
                    .sorted()
                    .toList();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static StreamPlan plan(String path) {
        SourceId source = SourceId.random();
        return new StreamPlan(
                ChannelId.of(source, path),
                path,
                source,
                "Provider",
                "http://127.0.0.1:" + server.getAddress().getPort() + path,
                Map.of(),
                0,
                null);
    }

    private static Path collapse(String path, String name) throws IOException {
        RelaySettings d = RelaySettings.DEFAULT;
        Path file = dir.resolve(name);
        try (RelayHub hub = new RelayHub(
                        new RelaySettings(
                                d.bufferBytes(),
                                d.joinBacklogBytes(),
                                Duration.ZERO,
                                d.connectTimeout(),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(10),
                                0,
                                3,
                                d.breakerCooldown()),
                        "tvarr-test",
                        Clock.systemUTC());
                StreamSubscription client = hub.subscribe(plan(path), new ClientInfo("127.0.0.1", "test"));
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = client.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        return file;
    }

    private static long sizeOf(String rendition, List<String> segments) throws IOException {
        long total = 0;
        for (String segment : segments) {
            total += Files.size(dir.resolve(rendition).resolve(segment));
        }
        return total;
    }

    @Test
    void a_master_playlist_collapses_to_one_ts_stream_of_the_best_variant() throws IOException {
        Path out = collapse("/hls/master.m3u8", "master.ts");

        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes.length % 188).isZero();
        for (int p = 0; p < bytes.length / 188; p++) {
            assertThat(bytes[p * 188]).as("sync byte of packet " + p).isEqualTo((byte) 0x47);
        }
        assertThat((long) bytes.length).isEqualTo(sizeOf("high", segments("high")));
        MediaInfo info = ffmpeg.probe(out.toString(), Map.of(), Duration.ofSeconds(20));
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.videoCodec()).isEqualTo("mpeg2video");
    }

    @Test
    void a_missing_segment_is_skipped_and_the_stream_goes_on() throws IOException {
        List<String> segments = new ArrayList<>(segments("low"));
        String missing = segments.get(2);
        Path moved = dir.resolve("moved.ts");
        Files.move(dir.resolve("low").resolve(missing), moved);
        try {
            Path out = collapse("/hls/low/index.m3u8", "gap.ts");

            segments.remove(missing);
            assertThat(Files.size(out)).isEqualTo(sizeOf("low", segments));
        } finally {
            Files.move(moved, dir.resolve("low").resolve(missing));
        }
    }

    @Test
    void a_live_playlist_is_refreshed_and_every_new_segment_follows_in_order() throws IOException {
        liveRequests.set(0);

        Path out = collapse("/live/index.m3u8", "live.ts");

        assertThat(Files.size(out)).isEqualTo(sizeOf("high", segments("high")));
        assertThat(liveRequests.get()).isGreaterThan(2);
    }

    @Test
    void ffmpeg_relay_reads_the_variant_the_profile_asks_for() throws IOException {
        RelaySettings d = RelaySettings.DEFAULT;
        RelayProfile lowest = new RelayProfile(
                RelayProfileId.random(),
                "240p copy",
                VideoCodec.COPY,
                AudioCodec.COPY,
                0,
                0,
                240,
                HardwareAcceleration.NONE,
                List.of(),
                List.of(),
                false);
        SourceId source = SourceId.random();
        StreamPlan plan = new StreamPlan(
                ChannelId.of(source, "relay-master"),
                "relay",
                source,
                "Provider",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hls/master.m3u8",
                Map.of(),
                0,
                lowest);
        Path file = dir.resolve("relayed.ts");
        try (RelayHub hub = new RelayHub(
                        new RelaySettings(
                                d.bufferBytes(),
                                d.joinBacklogBytes(),
                                Duration.ZERO,
                                d.connectTimeout(),
                                Duration.ofSeconds(20),
                                Duration.ofSeconds(20),
                                0,
                                3,
                                d.breakerCooldown()),
                        "tvarr-test",
                        Clock.systemUTC(),
                        ffmpeg,
                        new SystemHardwareDetector(ffmpeg),
                        null);
                StreamSubscription client = hub.subscribe(plan, new ClientInfo("127.0.0.1", "test"));
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = client.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }

        assertThat(ffmpeg.probe(file.toString(), Map.of(), Duration.ofSeconds(20))
                        .width())
                .isEqualTo(320);
    }
}
