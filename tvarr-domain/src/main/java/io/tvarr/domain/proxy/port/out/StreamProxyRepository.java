package io.tvarr.domain.proxy.port.out;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import java.util.List;
import java.util.Optional;

/** Stores proxies with their ordered associations. */
public interface StreamProxyRepository {
    void insert(StreamProxy proxy);

    void update(StreamProxy proxy);

    boolean delete(ProxyId id);

    Optional<StreamProxy> findById(ProxyId id);

    Optional<StreamProxy> findBySlug(String slug);

    List<StreamProxy> findAll();
}
