package io.tvarr.domain.health.service;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.InMemoryChannels;
import io.tvarr.domain.health.HealthCheckRun;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.InMemoryStreamHealth;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.job.service.InMemoryStreamSources;
import io.tvarr.domain.relay.FFmpegInstallation;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.TranscodeProcess;
import io.tvarr.domain.relay.port.out.ConnectionSlot;
import io.tvarr.domain.relay.port.out.ConnectionSlots;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StreamHealthCheckerTest {
    private final InMemoryStreamSources sources = new InMemoryStreamSources();
    private final InMemoryChannels channels = new InMemoryChannels();
    private final InMemoryStreamHealth health = new InMemoryStreamHealth(channels);
    private final Codecs codecs = new Codecs();
    private final Prober prober = new Prober();
    private final Slots slots = new Slots();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final StreamHealthChecker checker = new StreamHealthChecker(
            new StreamHealthChecker.Stores(sources, channels, health, codecs),
            prober,
            slots,
            Duration.ofSeconds(5),
            clock);

    private StreamSource source(int limit) {
        StreamSource base = anM3uSource("provider");
        StreamSource limited = new StreamSource(
                base.id(),
                base.name(),
                base.kind(),
                base.url(),
                null,
                "provider-agent/1.0",
                true,
                null,
                limit,
                base.xtreamOutput(),
                false,
                false,
                T0,
                T0);
        sources.insert(limited);
        return limited;
    }

    private Channel channel(StreamSource source, String name) {
        Channel channel = aChannel()
                .from(source.id())
                .named(name)
                .withUrl("http://user:secret@provider.example/live/" + name + ".ts")
                .build();
        channels.add(channel);
        return channel;
    }

    @Nested
    class A_run {
        @Test
        void records_a_stream_ffprobe_reads_as_working_with_its_codecs() {
            StreamSource source = source(0);
            Channel news = channel(source, "news");
            prober.answers(news.streamUrl(), new MediaInfo("h264", "aac", 1280, 720, 3_000_000));

            HealthCheckRun run = checker.check(source.id());

            assertThat(run).isEqualTo(new HealthCheckRun(source.id(), 1, 1, 0, 0));
            assertThat(health.findByChannel(news.id()))
                    .contains(StreamHealth.working(news.id(), source.id(), "news", "h264", "aac", T0));
        }

        @Test
        void records_a_stream_ffprobe_cannot_read_as_broken_with_the_reason_and_no_credentials() {
            StreamSource source = source(0);
            Channel dead = channel(source, "dead");
            prober.fails(dead.streamUrl(), "ffprobe failed for " + dead.streamUrl() + ": 404 Not Found");

            HealthCheckRun run = checker.check(source.id());

            assertThat(run).isEqualTo(new HealthCheckRun(source.id(), 1, 0, 1, 0));
            StreamHealth result = health.findByChannel(dead.id()).orElseThrow();
            assertThat(result.status()).isEqualTo(HealthStatus.BROKEN);
            assertThat(result.reason()).contains("404 Not Found").doesNotContain("secret");
        }

        @Test
        void records_a_stream_without_audio_or_video_as_broken() {
            StreamSource source = source(0);
            Channel empty = channel(source, "empty");
            prober.answers(empty.streamUrl(), new MediaInfo(null, null, 0, 0, 0));

            checker.check(source.id());

            assertThat(health.findByChannel(empty.id()).orElseThrow().reason())
                    .isEqualTo("ffprobe found no audio or video stream");
        }

        @Test
        void feeds_the_codec_cache_with_what_ffprobe_found() {
            StreamSource source = source(0);
            Channel news = channel(source, "news");
            prober.answers(news.streamUrl(), new MediaInfo("hevc", "ac3", 3840, 2160, 12_000_000));

            checker.check(source.id());

            assertThat(codecs.findByChannel(news.id()))
                    .contains(new LastKnownCodec(news.id(), "hevc", "ac3", 3840, 2160, 12_000_000, T0));
        }

        @Test
        void sends_the_sources_user_agent_to_ffprobe() {
            StreamSource source = source(0);
            Channel news = channel(source, "news");
            prober.answers(news.streamUrl(), new MediaInfo("h264", "aac", 1280, 720, 0));

            checker.check(source.id());

            assertThat(prober.headers.get(news.streamUrl())).containsEntry("User-Agent", "provider-agent/1.0");
        }

        @Test
        void checks_no_more_than_the_sources_max_checks_per_run_never_checked_first_then_oldest() {
            StreamSource source = source(0);
            Channel a = channel(source, "a");
            Channel b = channel(source, "b");
            Channel c = channel(source, "c");
            List.of(a, b, c).forEach(ch -> prober.answers(ch.streamUrl(), new MediaInfo("h264", null, 0, 0, 0)));
            health.saveSettings(source.id(), new HealthCheckSettings(true, "@hourly", 2));
            health.record(StreamHealth.working(a.id(), source.id(), "a", "h264", null, T0.minusSeconds(60)));

            HealthCheckRun run = checker.check(source.id());

            assertThat(run.checked()).isEqualTo(2);
            assertThat(prober.probed).containsExactly(b.streamUrl(), c.streamUrl());
        }

        @Test
        void without_ffprobe_fails_and_records_nothing_against_the_stream() {
            StreamSource source = source(0);
            Channel news = channel(source, "news");
            prober.missing = true;

            assertThatThrownBy(() -> checker.check(source.id()))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("ffprobe");
            assertThat(health.findByChannel(news.id())).isEmpty();
            assertThat(slots.inUse.getOrDefault(source.id(), 0)).isZero();
        }

        @Test
        void of_an_unknown_source_is_refused() {
            SourceId unknown = SourceId.random();

            assertThatThrownBy(() -> checker.check(unknown))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(unknown.toString());
        }
    }

    @Nested
    class Connection_limits {
        @Test
        void a_source_with_its_one_connection_in_use_gets_no_probe() {
            StreamSource source = source(1);
            Channel news = channel(source, "news");
            prober.answers(news.streamUrl(), new MediaInfo("h264", "aac", 1280, 720, 0));
            slots.inUse.put(source.id(), 1);

            HealthCheckRun run = checker.check(source.id());

            assertThat(prober.probed).isEmpty();
            assertThat(run).isEqualTo(new HealthCheckRun(source.id(), 0, 0, 0, 1));
            assertThat(health.findByChannel(news.id())).isEmpty();
        }

        @Test
        void each_probe_holds_one_connection_and_gives_it_back() {
            StreamSource source = source(1);
            Channel a = channel(source, "a");
            Channel b = channel(source, "b");
            prober.answers(a.streamUrl(), new MediaInfo("h264", "aac", 0, 0, 0));
            prober.fails(b.streamUrl(), "connection refused");

            HealthCheckRun run = checker.check(source.id());

            assertThat(run.checked()).isEqualTo(2);
            assertThat(prober.inUseWhileProbing).containsExactly(1, 1);
            assertThat(slots.inUse.getOrDefault(source.id(), 0)).isZero();
        }
    }

    /** ffprobe answering per URL, remembering what it was asked and how many connections were taken meanwhile. */
    private final class Prober implements FFmpeg {
        final Map<String, MediaInfo> answers = new HashMap<>();
        final Map<String, String> failures = new HashMap<>();
        final Map<String, Map<String, String>> headers = new HashMap<>();
        final List<String> probed = new ArrayList<>();
        final List<Integer> inUseWhileProbing = new ArrayList<>();
        boolean missing;

        void answers(String url, MediaInfo info) {
            answers.put(url, info);
        }

        void fails(String url, String message) {
            failures.put(url, message);
        }

        @Override
        public FFmpegInstallation installation() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TranscodeProcess start(List<String> arguments) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaInfo probe(String url, Map<String, String> requestHeaders, Duration timeout) {
            if (missing) {
                throw new UnavailableException("FFmpeg: no ffmpeg and ffprobe found on PATH", 0);
            }
            probed.add(url);
            headers.put(url, requestHeaders);
            inUseWhileProbing.add(
                    slots.inUse.values().stream().mapToInt(Integer::intValue).sum());
            if (failures.containsKey(url)) {
                throw new UpstreamException(failures.get(url));
            }
            return answers.get(url);
        }
    }

    /** The relay's counts: a slot while the source is under its limit. */
    private static final class Slots implements ConnectionSlots {
        final Map<SourceId, Integer> inUse = new HashMap<>();

        @Override
        public Optional<ConnectionSlot> tryTake(StreamPlan plan) {
            int used = inUse.getOrDefault(plan.source(), 0);
            if (plan.sourceLimit() > 0 && used >= plan.sourceLimit()) {
                return Optional.empty();
            }
            inUse.put(plan.source(), used + 1);
            return Optional.of(new ConnectionSlot() {
                @Override
                public StreamPlan plan() {
                    return plan;
                }

                @Override
                public void close() {
                    inUse.merge(plan.source(), -1, Integer::sum);
                }
            });
        }
    }

    private static final class Codecs implements LastKnownCodecRepository {
        private final Map<ChannelId, LastKnownCodec> byChannel = new HashMap<>();

        @Override
        public void upsert(LastKnownCodec codec) {
            byChannel.put(codec.channelId(), codec);
        }

        @Override
        public Optional<LastKnownCodec> findByChannel(ChannelId channel) {
            return Optional.ofNullable(byChannel.get(channel));
        }
    }
}
