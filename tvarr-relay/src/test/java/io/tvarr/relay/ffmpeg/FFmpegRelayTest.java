package io.tvarr.relay.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.SampleMedia;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FFmpegInstallation;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.TranscodeProcess;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.relay.RelaySettings;
import io.tvarr.relay.session.RelayHub;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real FFmpeg against a real MPEG-TS upstream made by FFmpeg itself. */
class FFmpegRelayTest {
    @TempDir
    static Path dir;

    static ProcessFFmpeg ffmpeg;
    static final Map<ChannelId, LastKnownCodec> cached = new java.util.concurrent.ConcurrentHashMap<>();
    /** The codec cache, kept in memory for the test. */
    static final LastKnownCodecRepository codecs = new LastKnownCodecRepository() {
        @Override
        public void upsert(LastKnownCodec codec) {
            cached.put(codec.channelId(), codec);
        }

        @Override
        public java.util.Optional<LastKnownCodec> findByChannel(ChannelId channel) {
            return java.util.Optional.ofNullable(cached.get(channel));
        }
    };

    static HttpServer upstream;
    static Path sample;

    @BeforeAll
    static void prepare() throws Exception {
        ffmpeg = new ProcessFFmpeg(null);
        try {
            ffmpeg.installation();
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed, skipping real-media relay tests: " + e.getMessage());
        }
        sample = dir.resolve("sample.ts");
        try (TranscodeProcess make = ffmpeg.start(SampleMedia.mpegTsArguments(sample, 8));
                InputStream out = make.output()) {
            out.readAllBytes();
            for (int i = 0; i < 200 && make.isAlive(); i++) {
                Thread.sleep(50);
            }
        }
        assertThat(Files.size(sample)).isGreaterThan(100_000);
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/live/", exchange -> {
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
                exchange.sendResponseHeaders(200, 0);
                Files.copy(sample, out);
            } catch (IOException e) {
                // the client hung up
            }
        });
        upstream.start();
    }

    @AfterAll
    static void stop() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    private static RelayProfile smart() {
        return new RelayProfile(
                RelayProfileId.random(),
                "smart",
                VideoCodec.COPY,
                AudioCodec.COPY,
                500,
                96,
                0,
                HardwareAcceleration.NONE,
                List.of(),
                List.of(),
                true);
    }

    private static RelayProfile profile(VideoCodec video, AudioCodec audio) {
        return new RelayProfile(
                RelayProfileId.random(),
                video + "-" + audio,
                video,
                audio,
                500,
                96,
                0,
                HardwareAcceleration.NONE,
                List.of(),
                List.of(),
                false);
    }

    private static StreamPlan plan(String channel, RelayProfile profile) {
        SourceId source = SourceId.random();
        return new StreamPlan(
                ChannelId.of(source, channel),
                channel,
                source,
                "Provider",
                "http://127.0.0.1:" + upstream.getAddress().getPort() + "/live/" + channel + ".ts",
                Map.of("User-Agent", "tvarr-test"),
                0,
                profile);
    }

    private static RelayHub hub() {
        RelaySettings d = RelaySettings.DEFAULT;
        return new RelayHub(
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
                new CodecProbe(ffmpeg, codecs, Duration.ofHours(24), Clock.systemUTC()));
    }

    private static Path relayToFile(RelayHub hub, StreamPlan plan, String name) throws IOException {
        Path file = dir.resolve(name);
        try (StreamSubscription client = hub.subscribe(plan, new ClientInfo("127.0.0.1", "test"));
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = client.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        return file;
    }

    @Test
    void the_installation_reports_version_encoders_and_hwaccels() {
        FFmpegInstallation installation = ffmpeg.installation();

        assertThat(installation.version()).startsWith("ffmpeg version");
        assertThat(installation.encoders()).contains("mpeg2video", "aac");
        assertThat(installation.origin()).isEqualTo("PATH");
    }

    @Test
    void a_transcoding_profile_delivers_the_codecs_it_asks_for() throws IOException {
        try (RelayHub hub = hub()) {
            Path out = relayToFile(hub, plan("h264", profile(VideoCodec.H264, AudioCodec.AAC)), "h264.ts");

            byte[] head = Files.readAllBytes(out);
            for (int p = 0; p < 100; p++) {
                assertThat(head[p * 188]).as("TS sync byte " + p).isEqualTo((byte) 0x47);
            }
            MediaInfo info = ffmpeg.probe(out.toString(), Map.of(), Duration.ofSeconds(20));
            assertThat(info.videoCodec()).isEqualTo("h264");
            assertThat(info.audioCodec()).isEqualTo("aac");
            assertThat(info.width()).isEqualTo(320);
        }
    }

    @Test
    void a_copy_profile_keeps_the_upstream_codecs() throws IOException {
        try (RelayHub hub = hub()) {
            Path out = relayToFile(hub, plan("copy", profile(VideoCodec.COPY, AudioCodec.COPY)), "copy.ts");

            MediaInfo info = ffmpeg.probe(out.toString(), Map.of(), Duration.ofSeconds(20));
            assertThat(info.videoCodec()).isEqualTo("mpeg2video");
            assertThat(info.audioCodec()).isEqualTo("mp2");
        }
    }

    @Test
    void a_smart_profile_copies_what_players_take_and_transcodes_the_rest() throws IOException {
        try (RelayHub hub = hub()) {
            StreamPlan plan = plan("smart", smart());
            Path out = relayToFile(hub, plan, "smart.ts");

            MediaInfo info = ffmpeg.probe(out.toString(), Map.of(), Duration.ofSeconds(20));
            // the sample carries MPEG-2 video, which TS players often cannot decode, and MP2 audio, which they can
            assertThat(info.videoCodec()).isEqualTo("h264");
            assertThat(info.audioCodec()).isEqualTo("mp2");
            assertThat(cached.get(plan.channel()).videoCodec()).isEqualTo("mpeg2video");
        }
    }

    @Test
    void fifty_clients_coming_and_going_leave_no_ffmpeg_behind() throws Exception {
        try (RelayHub hub = hub()) {
            RelayProfile copy = profile(VideoCodec.COPY, AudioCodec.COPY);
            for (int i = 0; i < 50; i++) {
                try (StreamSubscription client =
                        hub.subscribe(plan("churn" + (i % 5), copy), new ClientInfo("127.0.0.1", "test"))) {
                    if (i % 2 == 0) {
                        client.read(new byte[188 * 10]);
                    }
                }
            }
            // a session ends after its FFmpeg is gone, so both are waited for
            for (int i = 0; i < 200 && (!hub.sessions().isEmpty() || ffmpegChildren() > 0); i++) {
                Thread.sleep(50);
            }
            assertThat(ffmpegChildren())
                    .as("ffmpeg processes still running: "
                            + ProcessHandle.current()
                                    .descendants()
                                    .map(p -> p.pid() + " "
                                            + p.info().commandLine().orElse("?") + " parent="
                                            + p.parent().map(ProcessHandle::pid).orElse(-1L))
                                    .toList())
                    .isZero();
            assertThat(hub.sessions()).isEmpty();
        }
    }

    private static long ffmpegChildren() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                .count();
    }
}
