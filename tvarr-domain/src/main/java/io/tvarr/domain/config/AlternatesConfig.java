package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import java.util.List;

/** The streams tried in order, listed by hand, when a channel of a proxy cannot play. */
public record AlternatesConfig(ChannelRef channel, List<ChannelRef> alternates) {
    public AlternatesConfig {
        Checks.requireNonNull(channel, "channel");
        alternates = List.copyOf(alternates);
    }
}
