package io.tvarr.domain.proxy.port.out;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;
import java.util.Optional;

/**
 * Stores the per-proxy channel overrides, one per proxy and channel id, deleted with their proxy and never with a
 * channel (channel rows are replaced by every refresh). Implementations are thread-safe.
 */
public interface ChannelOverrideRepository {
    /** Inserts or replaces the override of its proxy and channel. */
    void save(ChannelOverride override);

    Optional<ChannelOverride> find(ProxyId proxy, ChannelId channel);

    /** Every override of a proxy, by channel id. A proxy holds as many as a user sets by hand, so a list is fine. */
    List<ChannelOverride> findAllByProxy(ProxyId proxy);

    /** @return false when there was none */
    boolean delete(ProxyId proxy, ChannelId channel);
}
