package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/** What a proxy shows instead of a channel's own values; null values leave the channel's. */
public record ChannelOverrideConfig(
        ChannelRef channel,
        @Nullable String name,
        @Nullable Integer number,
        @Nullable String group,
        @Nullable String logoUrl,
        @Nullable String tvgId,
        boolean hidden) {
    public ChannelOverrideConfig {
        Checks.requireNonNull(channel, "channel");
    }
}
