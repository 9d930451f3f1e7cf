package io.tvarr.domain.failover.port.out;

import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.proxy.ProxyId;

/** Stores each proxy's failover settings; a proxy never given any has {@link ProxyFailover#NONE}. */
public interface ProxyFailoverRepository {
    /** Where no failover settings are stored (tools, tests): every proxy has none. */
    ProxyFailoverRepository NONE = new ProxyFailoverRepository() {
        @Override
        public ProxyFailover find(ProxyId proxy) {
            return ProxyFailover.NONE;
        }

        @Override
        public void save(ProxyId proxy, ProxyFailover failover) {
            throw new UnsupportedOperationException("failover settings are not stored in this setup");
        }
    };

    ProxyFailover find(ProxyId proxy);

    /** Replaces the proxy's settings as a whole, in one transaction. */
    void save(ProxyId proxy, ProxyFailover failover);
}
