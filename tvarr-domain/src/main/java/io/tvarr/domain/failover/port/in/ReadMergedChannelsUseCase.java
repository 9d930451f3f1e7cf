package io.tvarr.domain.failover.port.in;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;

/**
 * The channels a proxy's last generation merged into one of its output channels (the same channel from other
 * sources or accounts, in source order), as it published them.
 */
public interface ReadMergedChannelsUseCase {
    /** Empty when nothing was merged into the channel, or the proxy was never generated. */
    List<ChannelId> mergedInto(ProxyId proxy, ChannelId channel);
}
