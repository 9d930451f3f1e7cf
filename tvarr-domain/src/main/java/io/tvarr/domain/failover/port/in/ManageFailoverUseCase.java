package io.tvarr.domain.failover.port.in;

import io.tvarr.domain.failover.ProxyFailover;

/** Reads and changes a proxy's failover settings. */
public interface ManageFailoverUseCase {
    /** @throws io.tvarr.domain.NotFoundException when there is no such proxy */
    ProxyFailover failover(String proxyIdOrSlug);

    /**
     * Replaces the proxy's settings. Alternates listed by hand play at once; a change of {@code merge_by} shows in
     * the playlist from the proxy's next generation.
     *
     * @throws io.tvarr.domain.NotFoundException when there is no such proxy
     */
    ProxyFailover change(String proxyIdOrSlug, ProxyFailover failover);
}
