package io.tvarr.domain.config;

import io.tvarr.domain.Checks;

/** The guide channel (its XMLTV id) pinned to a channel of a proxy. */
public record GuidePinConfig(ChannelRef channel, String guideChannel) {
    public GuidePinConfig {
        Checks.requireNonNull(channel, "channel");
        guideChannel = Checks.requireText(guideChannel, "guide_channel");
    }
}
