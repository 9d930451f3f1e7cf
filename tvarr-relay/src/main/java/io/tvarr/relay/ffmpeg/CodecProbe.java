package io.tvarr.relay.ffmpeg;

import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What a channel carries, from ffprobe, remembered per channel for a while so a channel switch does not pay for a
 * probe every time.
 */
public final class CodecProbe {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final FFmpeg ffmpeg;
    private final LastKnownCodecRepository cache;
    private final Duration ttl;
    private final Clock clock;

    public CodecProbe(FFmpeg ffmpeg, LastKnownCodecRepository cache, Duration ttl, Clock clock) {
        this.ffmpeg = ffmpeg;
        this.cache = cache;
        this.ttl = ttl;
        this.clock = clock;
    }

    public MediaInfo probe(StreamPlan plan) {
        Optional<LastKnownCodec> known =
                cache.findByChannel(plan.channel()).filter(c -> c.isFresh(clock.instant(), ttl));
        if (known.isPresent()) {
            LastKnownCodec c = known.get();
            return new MediaInfo(c.videoCodec(), c.audioCodec(), c.width(), c.height(), c.bitrate());
        }
        MediaInfo info = ffmpeg.probe(plan.upstreamUrl(), plan.headers(), PROBE_TIMEOUT);
        cache.upsert(new LastKnownCodec(
                plan.channel(),
                info.videoCodec(),
                info.audioCodec(),
                Math.min(info.width(), 16_384),
                Math.min(info.height(), 16_384),
                info.bitrate(),
                clock.instant()));
        return info;
    }
}
