package io.tvarr.domain.relay;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.ChannelId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What ffprobe last found in a channel's stream; trusted until {@code probedAt + ttl}. */
public record LastKnownCodec(
        ChannelId channelId,
        @Nullable String videoCodec,
        @Nullable String audioCodec,
        int width,
        int height,
        long bitrate,
        Instant probedAt) {
    public LastKnownCodec {
        Checks.requireNonNull(channelId, "channel_id");
        Checks.requireRange(width, 0, 16_384, "width");
        Checks.requireRange(height, 0, 16_384, "height");
        Checks.requireNonNull(probedAt, "probed_at");
    }

    public boolean isFresh(Instant now, Duration ttl) {
        return probedAt.plus(ttl).isAfter(now);
    }
}
