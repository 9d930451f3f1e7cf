package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import java.util.List;

/** Create, change, remove and list proxies; every referenced source, filter and rule must exist. */
public interface ManageProxiesUseCase {
    StreamProxy create(SaveProxyCommand command);

    StreamProxy update(ProxyId id, SaveProxyCommand command);

    void delete(ProxyId id);

    StreamProxy get(ProxyId id);

    /** By id or by slug. */
    StreamProxy find(String idOrSlug);

    List<StreamProxy> list();
}
