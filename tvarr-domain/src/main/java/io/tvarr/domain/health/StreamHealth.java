package io.tvarr.domain.health;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.source.SourceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The last health check of one channel's stream.
 *
 * @param channelName the channel's name when it was checked, to list results without the channel
 * @param reason why the stream is broken (credentials masked); null when it works
 * @param videoCodec the first video stream's codec as ffprobe names it; null when none or broken
 * @param audioCodec the first audio stream's codec; null when none or broken
 */
public record StreamHealth(
        ChannelId channel,
        SourceId source,
        String channelName,
        HealthStatus status,
        @Nullable String reason,
        @Nullable String videoCodec,
        @Nullable String audioCodec,
        Instant checkedAt) {
    /** Longest reason kept: ffprobe's messages are short, a provider's error page is not. */
    public static final int MAX_REASON_LENGTH = 500;

    public StreamHealth {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(source, "source");
        channelName = Checks.requireText(channelName, "channel_name");
        Checks.requireNonNull(status, "status");
        Checks.requireNonNull(checkedAt, "checked_at");
        if (status == HealthStatus.UNKNOWN) {
            throw new ValidationException("status: unknown (expected: working or broken for a check)");
        }
        reason = reason == null || reason.length() <= MAX_REASON_LENGTH
                ? Checks.blankToNull(reason)
                : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
        videoCodec = Checks.blankToNull(videoCodec);
        audioCodec = Checks.blankToNull(audioCodec);
    }

    public static StreamHealth working(
            ChannelId channel,
            SourceId source,
            String channelName,
            @Nullable String videoCodec,
            @Nullable String audioCodec,
            Instant at) {
        return new StreamHealth(channel, source, channelName, HealthStatus.WORKING, null, videoCodec, audioCodec, at);
    }

    public static StreamHealth broken(
            ChannelId channel, SourceId source, String channelName, String reason, Instant at) {
        return new StreamHealth(channel, source, channelName, HealthStatus.BROKEN, reason, null, null, at);
    }

    /** Whether this result says the stream is broken and was found so at or after {@code since}. */
    public boolean brokenSince(Instant since) {
        return status == HealthStatus.BROKEN && !checkedAt.isBefore(since);
    }
}
