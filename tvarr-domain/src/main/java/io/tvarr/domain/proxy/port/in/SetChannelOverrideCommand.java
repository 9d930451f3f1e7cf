package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ProxyId;
import org.jspecify.annotations.Nullable;

/** Sets one channel's override in one proxy; null fields leave the channel's own values. */
public record SetChannelOverrideCommand(
        ProxyId proxy,
        ChannelId channel,
        @Nullable String name,
        @Nullable Integer number,
        @Nullable String group,
        @Nullable String logoUrl,
        @Nullable String tvgId,
        boolean hidden) {
    public SetChannelOverrideCommand {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(channel, "channel");
    }
}
