package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import org.jspecify.annotations.Nullable;

/** What a manual channel is given when added or edited; its values are checked as {@link ManualChannel} does. */
public record SaveManualChannelCommand(
        ProxyId proxy,
        String name,
        String streamUrl,
        @Nullable String tvgId,
        @Nullable String logoUrl,
        @Nullable String group,
        @Nullable Integer number,
        @Nullable String guideChannelId) {
    public SaveManualChannelCommand {
        Checks.requireNonNull(proxy, "proxy");
        name = Checks.requireText(name, "name");
        streamUrl = ManualChannel.streamUrl(streamUrl, "streamUrl");
    }

    /** A channel with only a name and a stream URL. */
    public static SaveManualChannelCommand of(ProxyId proxy, String name, String streamUrl) {
        return new SaveManualChannelCommand(proxy, name, streamUrl, null, null, null, null, null);
    }
}
