package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
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

    /**
     * Sets the override of the channel its source gives under {@code key}, whether the source gives it now or not:
     * a configuration applied before the source's first refresh, or an orphaned override brought back.
     *
     * @throws io.tvarr.domain.ValidationException when the key's source is not one of the proxy's, or the command's
     *     channel is not the key's
     */
    ChannelOverride setByKey(SetChannelOverrideCommand command, ChannelKey key);

    /** The override with whether its channel is still in one of the proxy's sources. */
    ListedOverride get(ProxyId proxy, ChannelId channel);

    void remove(ProxyId proxy, ChannelId channel);

    /** Every override of the proxy, orphaned ones marked, by channel name then id. */
    List<ListedOverride> list(ProxyId proxy);
}
