package io.tvarr.relay.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.SampleMedia;
import io.tvarr.domain.SampleUpstream;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.source.SourceId;
import io.tvarr.relay.RelaySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover on real media: two providers send the same H.264/AAC channel made by FFmpeg, a player (FFmpeg) watches it
 * through the relay, and the first provider is killed while it plays.
 */
class FailoverOnRealMediaTest {
    private static final int SECONDS = 6;
    private static final long BYTES_PER_SECOND = 400_000;

    @TempDir
    static Path dir;

    static Path sample;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void makeSample() throws Exception {
        sample = dir.resolve("sample.ts");
        List<String> command = new ArrayList<>(List.of("ffmpeg"));
        command.addAll(SampleMedia.h264AacTsArguments(sample, SECONDS, 256));
        Process make;
        try {
            make = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed, skipping the real-media failover test: " + e.getMessage());
            return;
        }
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor()).as(output).isZero();
        assertThat(Files.size(sample)).isGreaterThan(100_000);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void a_player_keeps_decoding_across_a_switch_forced_by_killing_the_first_provider() throws Exception {
        SampleUpstream first = SampleUpstream.serving(sample, BYTES_PER_SECOND, true);
        SampleUpstream second = SampleUpstream.serving(sample, BYTES_PER_SECOND, false);
        closing.add(first);
        closing.add(second);
        RelayHub hub = new RelayHub(RelaySettings.DEFAULT, "tvarr-test", Clock.systemUTC());
        closing.add(hub);
        String door = door(hub, streams(first.url(), second.url()));

        Process player = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-i",
                        door,
                        "-f",
                        "null",
                        "-progress",
                        "pipe:1",
                        "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        AtomicInteger frames = new AtomicInteger();
        Thread progress = new Thread(() -> readFrames(player, frames));
        progress.start();
        Await.until(() -> frames.get() >= 50, Duration.ofSeconds(30), "the player decoded 2 s of the first provider");
        int beforeKill = frames.get();

        first.kill();
        List<RelaySessionInfo> during = awaitSwitch(hub);

        assertThat(player.waitFor(60, TimeUnit.SECONDS)).as("player finished").isTrue();
        progress.join(5000);
        assertThat(player.exitValue()).isZero();
        assertThat(frames.get())
                .as("frames decoded: %s before the kill, then the second provider's %s s", beforeKill, SECONDS)
                .isGreaterThanOrEqualTo(beforeKill + SECONDS * 25 - 25);
        assertThat(during).singleElement().satisfies(s -> {
            assertThat(s.streamIndex()).isEqualTo(1);
            assertThat(s.switches())
                    .singleElement()
                    .satisfies(change -> assertThat(change.to()).isEqualTo(1));
        });
    }

    private static FailoverStreams streams(String... urls) {
        List<StreamPlan> plans = new ArrayList<>();
        ChannelId channel = ChannelId.of(SourceId.random(), "news");
        for (String url : urls) {
            SourceId account = SourceId.random();
            plans.add(new StreamPlan(channel, "News", account, "Provider", url, Map.of(), 1, null));
        }
        return new FailoverStreams(plans);
    }

    /** A player's door: an HTTP server handing the relay's stream to whoever asks, on one connection. */
    private String door(RelayHub hub, FailoverStreams streams) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange;
                    StreamSubscription subscription = hub.subscribe(streams, new ClientInfo("127.0.0.1", "ffmpeg"));
                    OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
                exchange.sendResponseHeaders(200, 0);
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = subscription.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException | RuntimeException e) {
                // the player hung up, or the stream ended with a failure
            }
        });
        server.start();
        closing.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/watch";
    }

    private static void readFrames(Process player, AtomicInteger frames) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(player.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("frame=")) {
                    frames.set(Integer.parseInt(line.substring(6).strip()));
                }
            }
        } catch (IOException e) {
            // the player ended
        }
    }

    private static List<RelaySessionInfo> awaitSwitch(RelayHub hub) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<RelaySessionInfo> sessions = hub.sessions();
            if (!sessions.isEmpty() && !sessions.get(0).switches().isEmpty()) {
                return sessions;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no switch within 5 s of the kill: " + hub.sessions());
    }
}
