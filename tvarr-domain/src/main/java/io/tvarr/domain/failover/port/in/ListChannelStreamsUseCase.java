package io.tvarr.domain.failover.port.in;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.proxy.StreamProxy;
import java.util.List;

/** An output channel's streams in failover order, for playing it. */
public interface ListChannelStreamsUseCase {
    /**
     * The channel itself first, then its alternates listed by hand, then the channels the proxy's last generation
     * merged into it; only channels of the proxy's own sources, each once. Alternates that no longer exist are left
     * out.
     *
     * @throws io.tvarr.domain.NotFoundException when the channel is not one of the proxy's
     */
    List<Channel> streams(StreamProxy proxy, String channelId);
}
