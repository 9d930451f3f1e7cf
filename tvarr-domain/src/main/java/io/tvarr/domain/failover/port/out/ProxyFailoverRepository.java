package io.tvarr.domain.failover.port.out;

import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.proxy.ProxyId;

/** Stores each proxy's failover settings; a proxy never given any has {@link ProxyFailover#NONE}. */
public interface ProxyFailoverRepository {
    ProxyFailover find(ProxyId proxy);

    /** Replaces the proxy's settings as a whole, in one transaction. */
    void save(ProxyId proxy, ProxyFailover failover);
}
