package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ProxyId;

/** Pins the guide channel {@code guideChannelId} (its XMLTV id) to the proxy's channel {@code channel}. */
public record PinGuideChannelCommand(ProxyId proxy, ChannelId channel, String guideChannelId) {
    public PinGuideChannelCommand {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(channel, "channel");
        guideChannelId = Checks.requireText(guideChannelId, "guide_channel_id");
        Checks.requireMaxLength(guideChannelId, Checks.MAX_NAME_LENGTH, "guide_channel_id");
        Checks.requireOneLine(guideChannelId, "guide_channel_id");
    }
}
