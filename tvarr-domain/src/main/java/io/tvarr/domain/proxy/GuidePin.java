package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.ChannelId;
import java.time.Instant;

/** A person's choice of guide channel for one channel of a proxy; matching always takes it first. */
public record GuidePin(ProxyId proxy, ChannelId channel, String guideChannelId, Instant pinnedAt) {
    public GuidePin {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(channel, "channel");
        guideChannelId = Checks.requireText(guideChannelId, "guide_channel_id");
        Checks.requireMaxLength(guideChannelId, Checks.MAX_NAME_LENGTH, "guide_channel_id");
        Checks.requireNonNull(pinnedAt, "pinned_at");
    }
}
