package io.tvarr.relay.ffmpeg;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.SampleMedia;
import io.tvarr.domain.SampleUpstream;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.InMemoryChannels;
import io.tvarr.domain.health.HealthCheckRun;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.InMemoryStreamHealth;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.health.service.StreamHealthChecker;
import io.tvarr.domain.job.service.InMemoryStreamSources;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.relay.RelaySettings;
import io.tvarr.relay.session.RelayHub;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream checks with the real ffprobe: a provider serving a small H.264/AAC MPEG-TS made by FFmpeg, and one answering
 * 404; connections taken from the relay's own counts.
 */
class StreamHealthCheckIT {
    @TempDir
    static Path dir;

    static Path sample;

    private final InMemoryStreamSources sources = new InMemoryStreamSources();
    private final InMemoryChannels channels = new InMemoryChannels();
    private final InMemoryStreamHealth health = new InMemoryStreamHealth(channels);
    private final Codecs codecs = new Codecs();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private RelayHub relay;
    private StreamHealthChecker checker;
    private HttpServer missing;

    @BeforeAll
    static void makeSample() throws Exception {
        sample = dir.resolve("sample.ts");
        List<String> command = new ArrayList<>(List.of("ffmpeg"));
        command.addAll(SampleMedia.h264AacTsArguments(sample, 3));
        Process make;
        try {
            make = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed, skipping the stream check test: " + e.getMessage());
            return;
        }
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor()).as(output).isZero();
        assertThat(Files.size(sample)).isGreaterThan(10_000);
    }

    @BeforeEach
    void start() throws IOException {
        missing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        missing.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        missing.start();
        relay = new RelayHub(RelaySettings.DEFAULT, "tvarr-test", Clock.systemUTC());
        closing.add(relay);
        checker = new StreamHealthChecker(
                new StreamHealthChecker.Stores(sources, channels, health, codecs),
                new ProcessFFmpeg(null),
                relay,
                Duration.ofSeconds(15),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        missing.stop(0);
    }

    private StreamSource source(int limit) {
        StreamSource base = anM3uSource("provider");
        StreamSource source = new StreamSource(
                base.id(),
                base.name(),
                base.kind(),
                base.url(),
                null,
                null,
                true,
                null,
                limit,
                base.xtreamOutput(),
                false,
                false,
                T0,
                T0);
        sources.insert(source);
        return source;
    }

    private Channel channel(StreamSource source, String name, String url) {
        Channel channel = aChannel().from(source.id()).named(name).withUrl(url).build();
        channels.add(channel);
        return channel;
    }

    @Test
    void a_stream_ffprobe_reads_is_working_with_its_codecs_and_a_404_is_broken_with_the_reason() throws Exception {
        SampleUpstream provider = SampleUpstream.serving(sample, 2_000_000, true);
        closing.add(provider);
        StreamSource source = source(0);
        Channel live = channel(source, "live", provider.url());
        Channel gone = channel(
                source, "gone", "http://127.0.0.1:" + missing.getAddress().getPort() + "/live/gone.ts");

        HealthCheckRun run = checker.check(source.id());

        assertThat(run).isEqualTo(new HealthCheckRun(source.id(), 2, 1, 1, 0));
        StreamHealth working = health.findByChannel(live.id()).orElseThrow();
        assertThat(working.status()).isEqualTo(HealthStatus.WORKING);
        assertThat(working.videoCodec()).isEqualTo("h264");
        assertThat(working.audioCodec()).isEqualTo("aac");
        StreamHealth broken = health.findByChannel(gone.id()).orElseThrow();
        assertThat(broken.status()).isEqualTo(HealthStatus.BROKEN);
        assertThat(broken.reason()).contains("ffprobe").contains("404");
        assertThat(codecs.byChannel.get(live.id())).satisfies(codec -> {
            assertThat(codec.videoCodec()).isEqualTo("h264");
            assertThat(codec.width()).isPositive();
        });
        assertThat(relay.sourceUse()).doesNotContainKey(source.id().toString());
    }

    @Test
    void a_source_with_its_one_connection_in_use_by_a_player_gets_no_probe() throws Exception {
        SampleUpstream provider = SampleUpstream.serving(sample, 2_000_000, true);
        closing.add(provider);
        StreamSource source = source(1);
        Channel live = channel(source, "live", provider.url());
        Channel other = channel(source, "other", provider.url() + "?other");
        StreamSubscription watching = relay.subscribe(
                StreamPlan.of(live, source, null, io.tvarr.domain.relay.PlayableCodecs.PLAYERS),
                new ClientInfo("127.0.0.1", "player"));
        closing.add(0, watching);
        watching.read(new byte[188]);

        HealthCheckRun run = checker.check(source.id());

        assertThat(run).isEqualTo(new HealthCheckRun(source.id(), 0, 0, 0, 2));
        assertThat(health.findByChannel(other.id())).isEmpty();
        assertThat(relay.sourceUse()).containsEntry(source.id().toString(), 1);
    }

    private static final class Codecs implements LastKnownCodecRepository {
        final Map<ChannelId, LastKnownCodec> byChannel = new HashMap<>();

        @Override
        public synchronized void upsert(LastKnownCodec codec) {
            byChannel.put(codec.channelId(), codec);
        }

        @Override
        public synchronized Optional<LastKnownCodec> findByChannel(ChannelId channel) {
            return Optional.ofNullable(byChannel.get(channel));
        }
    }
}
