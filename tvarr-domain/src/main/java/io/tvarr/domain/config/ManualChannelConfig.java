package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A channel added by hand to a proxy, by its id: the id stays the same in every instance the document is applied
 * to, so overrides, pins and alternates can name it ({@link ChannelRef#manual()}). Listed in the proxy's order.
 */
public record ManualChannelConfig(
        String id,
        String name,
        String streamUrl,
        @Nullable String tvgId,
        @Nullable String logoUrl,
        @Nullable String group,
        @Nullable Integer number,
        @Nullable String guideChannel) {
    public ManualChannelConfig {
        id = Checks.requireText(id, "id");
        Checks.requireNonNull(name, "name");
        Checks.requireNonNull(streamUrl, "stream_url");
    }
}
