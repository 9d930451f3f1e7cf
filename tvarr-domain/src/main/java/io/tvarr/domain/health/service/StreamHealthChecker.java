package io.tvarr.domain.health.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.health.HealthCheckRun;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.health.port.in.CheckStreamHealthUseCase;
import io.tvarr.domain.health.port.out.StreamHealthRepository;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.PlayableCodecs;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.port.out.ConnectionSlot;
import io.tvarr.domain.relay.port.out.ConnectionSlots;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a batch of a source's channels with ffprobe, one at a time, each holding a connection taken from the relay's
 * counts so a check never pushes the provider past its limit: when the source has no free connection the run stops
 * and counts the rest as skipped. A stream ffprobe reads with audio or video is working, and its codecs go to the
 * codec cache the relay and the tuner's profile choice read; anything else is broken with the reason.
 */
public final class StreamHealthChecker implements CheckStreamHealthUseCase {
    private static final Logger log = LoggerFactory.getLogger(StreamHealthChecker.class);
    private static final int MAX_DIMENSION = 16_384;

    /** Where the checker reads sources and channels and writes its results and the codecs it finds. */
    public record Stores(
            StreamSourceRepository sources,
            ChannelRepository channels,
            StreamHealthRepository health,
            LastKnownCodecRepository codecs) {}

    private final Stores stores;
    private final FFmpeg ffmpeg;
    private final ConnectionSlots slots;
    private final Duration probeTimeout;
    private final Clock clock;

    /** @param probeTimeout how long ffprobe may take for one stream before it counts as broken */
    public StreamHealthChecker(
            Stores stores, FFmpeg ffmpeg, ConnectionSlots slots, Duration probeTimeout, Clock clock) {
        this.stores = stores;
        this.ffmpeg = ffmpeg;
        this.slots = slots;
        this.probeTimeout = probeTimeout;
        this.clock = clock;
    }

    @Override
    public HealthCheckRun check(SourceId id) {
        StreamSource source =
                stores.sources().findById(id).orElseThrow(() -> new NotFoundException("source " + id + ": not found"));
        HealthCheckSettings settings = stores.health().settings(id);
        List<ChannelId> due = stores.health().dueForCheck(id, settings.maxChecksPerRun());
        int working = 0;
        int broken = 0;
        int gone = 0;
        for (ChannelId channelId : due) {
            Optional<Channel> channel = stores.channels().findById(channelId);
            if (channel.isEmpty()) {
                gone++; // removed by a refresh since the batch was chosen
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Optional<StreamHealth> result = check(source, channel.get());
            if (result.isEmpty()) {
                log.info(
                        "stream health checks stopped, no free connection source_id={} limit={}",
                        id,
                        source.maxConcurrentStreams());
                break;
            }
            stores.health().record(result.get());
            if (result.get().status() == HealthStatus.WORKING) {
                working++;
            } else {
                broken++;
            }
        }
        return finished(
                new HealthCheckRun(id, working + broken, working, broken, due.size() - gone - working - broken));
    }

    private static HealthCheckRun finished(HealthCheckRun run) {
        log.info(
                "stream health checked source_id={} checked={} working={} broken={} skipped={}",
                run.source(),
                run.checked(),
                run.working(),
                run.broken(),
                run.skipped());
        return run;
    }

    /** The channel's result; empty when the source had no free connection for it. */
    private Optional<StreamHealth> check(StreamSource source, Channel channel) {
        StreamPlan plan = StreamPlan.of(channel, source, null, PlayableCodecs.PLAYERS);
        Optional<ConnectionSlot> taken;
        try {
            taken = slots.tryTake(plan);
        } catch (RuntimeException e) {
            return Optional.of(broken(channel, e.getMessage()));
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        try (ConnectionSlot slot = taken.get()) {
            MediaInfo info = ffmpeg.probe(slot.plan().upstreamUrl(), slot.plan().headers(), probeTimeout);
            if (info.videoCodec() == null && info.audioCodec() == null) {
                return Optional.of(broken(channel, "ffprobe found no audio or video stream"));
            }
            stores.codecs().upsert(codec(channel.id(), info));
            log.debug(
                    "stream working channel_id={} video={} audio={}",
                    channel.id(),
                    info.videoCodec(),
                    info.audioCodec());
            return Optional.of(StreamHealth.working(
                    channel.id(),
                    channel.sourceId(),
                    channel.name(),
                    info.videoCodec(),
                    info.audioCodec(),
                    clock.instant()));
        } catch (UnavailableException e) {
            throw e; // ffprobe is missing or cannot start: that says nothing about the stream
        } catch (RuntimeException e) {
            // the probe's failure is the finding: the stream is recorded broken with it, nothing to rethrow
            return Optional.of(broken(channel, e.getMessage()));
        }
    }

    private StreamHealth broken(Channel channel, @Nullable String message) {
        String reason = message == null || message.isBlank() ? "ffprobe failed" : Redaction.redactUrl(message);
        log.debug("stream broken channel_id={} reason={}", channel.id(), reason);
        return StreamHealth.broken(channel.id(), channel.sourceId(), channel.name(), reason, clock.instant());
    }

    private LastKnownCodec codec(ChannelId channel, MediaInfo info) {
        return new LastKnownCodec(
                channel,
                info.videoCodec(),
                info.audioCodec(),
                Math.min(Math.max(info.width(), 0), MAX_DIMENSION),
                Math.min(Math.max(info.height(), 0), MAX_DIMENSION),
                info.bitrate(),
                clock.instant());
    }
}
