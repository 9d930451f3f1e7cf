package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ProxyId;

/** Pins a guide channel to a channel of a proxy, so matching always takes it; the next generation applies it. */
public interface PinGuideChannelUseCase {
    /**
     * @throws io.tvarr.domain.NotFoundException when the proxy or the channel does not exist
     * @throws io.tvarr.domain.ValidationException when the channel is not from one of the proxy's sources
     */
    GuidePin pin(PinGuideChannelCommand command);

    /** @throws io.tvarr.domain.NotFoundException when the proxy does not exist or the channel has no pin */
    void unpin(ProxyId proxy, ChannelId channel);
}
