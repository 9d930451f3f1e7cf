package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamChannel;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a proxy's published lineup as the Xtream door shows it, from what the last generation published. */
public interface ReadXtreamLineupUseCase {
    /** Whether a generation has published the proxy's lineup. */
    boolean isPublished(ProxyId proxy);

    /**
     * Pushes the published channels in output order, one at a time, so memory does not grow with the lineup.
     * Runs on the caller's thread and closes what it opens.
     *
     * @throws io.tvarr.domain.NotFoundException when nothing is published
     */
    void forEachChannel(ProxyId proxy, Consumer<XtreamChannel> sink);

    /** The published channel with that stream id; empty when there is none or nothing is published. */
    Optional<XtreamChannel> findChannel(ProxyId proxy, int streamId);
}
