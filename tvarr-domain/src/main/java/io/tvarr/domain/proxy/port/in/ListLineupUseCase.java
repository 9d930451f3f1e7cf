package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.proxy.LineupChannel;
import io.tvarr.domain.proxy.ProxyId;
import java.util.function.Consumer;

/** Lists a proxy's published lineup, the channels of its published playlist, for tuner devices. */
public interface ListLineupUseCase {
    /**
     * Pushes the proxy's published channels to {@code sink} in output order, one at a time on the calling thread,
     * reading them from the published outputs so the lineup is never held in memory as a whole. A proxy never
     * generated is generated first, as its playlist would be on a first request.
     *
     * @throws io.tvarr.domain.NotFoundException when the proxy does not exist
     * @throws io.tvarr.domain.StorageException when the published lineup cannot be read
     */
    void forEachChannel(ProxyId proxy, Consumer<LineupChannel> sink);
}
