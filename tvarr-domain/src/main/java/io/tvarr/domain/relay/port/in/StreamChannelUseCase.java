package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;

/** Plays a channel of a proxy. */
public interface StreamChannelUseCase {
    /**
     * How the channel is delivered and from where.
     *
     * @throws io.tvarr.domain.NotFoundException when the proxy or the channel does not exist, or the channel is
     *     not from one of the proxy's sources
     */
    StreamDecision decide(String proxyIdOrSlug, String channelId);

    StreamSubscription open(StreamPlan plan, ClientInfo client);
}
