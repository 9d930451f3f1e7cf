package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person's choice of guide channel for one channel of a proxy; matching always takes it first.
 *
 * @param key the channel's stable identity, so the pin can be named (exported) once its channel is gone; null for
 *     pins older than the key (V27) whose channel was already gone
 */
public record GuidePin(
        ProxyId proxy,
        ChannelId channel,
        String guideChannelId,
        Instant pinnedAt,
        @Nullable ChannelKey key) {
    public GuidePin {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(channel, "channel");
        guideChannelId = Checks.requireText(guideChannelId, "guide_channel_id");
        Checks.requireMaxLength(guideChannelId, Checks.MAX_NAME_LENGTH, "guide_channel_id");
        Checks.requireNonNull(pinnedAt, "pinned_at");
        if (key != null && !key.channelId().equals(channel)) {
            throw new ValidationException("guide pin of channel " + channel + ": key " + key.externalKey()
                    + " of source " + key.source() + " is another channel's (" + key.channelId() + ")");
        }
    }

    /** A pin without its channel's key. */
    public GuidePin(ProxyId proxy, ChannelId channel, String guideChannelId, Instant pinnedAt) {
        this(proxy, channel, guideChannelId, pinnedAt, null);
    }
}
