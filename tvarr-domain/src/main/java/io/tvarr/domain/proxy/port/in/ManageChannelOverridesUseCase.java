package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ListedOverride;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;

/**
 * Per-proxy channel overrides: set, read, remove and list them. They take effect at the proxy's next generation.
 * Unknown proxies and channels are {@code NotFoundException}s; invalid values {@code ValidationException}s naming
 * the field.
 */
public interface ManageChannelOverridesUseCase {
    /** Sets the override; the channel must be in one of the proxy's sources now. */
    ChannelOverride set(SetChannelOverrideCommand command);

    /** The override with whether its channel is still in one of the proxy's sources. */
    ListedOverride get(ProxyId proxy, ChannelId channel);

    void remove(ProxyId proxy, ChannelId channel);

    /** Every override of the proxy, orphaned ones marked, by channel name then id. */
    List<ListedOverride> list(ProxyId proxy);
}
