package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;

/** Pins a guide channel to a channel of a proxy, so matching always takes it; the next generation applies it. */
public interface PinGuideChannelUseCase {
    /**
     * @throws io.tvarr.domain.NotFoundException when the proxy or the channel does not exist
     * @throws io.tvarr.domain.ValidationException when the channel is not from one of the proxy's sources
     */
    GuidePin pin(PinGuideChannelCommand command);

    /**
     * Pins a guide channel to the channel its source gives under {@code key}, whether the source gives it now or
     * not: a configuration applied before the source's first refresh.
     *
     * @throws io.tvarr.domain.ValidationException when the key's source is not one of the proxy's, or the command's
     *     channel is not the key's
     */
    GuidePin pinByKey(PinGuideChannelCommand command, ChannelKey key);

    /** The proxy's pins by channel id. @throws io.tvarr.domain.NotFoundException when the proxy does not exist */
    List<GuidePin> pins(ProxyId proxy);

    /** @throws io.tvarr.domain.NotFoundException when the proxy does not exist or the channel has no pin */
    void unpin(ProxyId proxy, ChannelId channel);
}
