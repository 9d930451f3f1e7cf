package io.tvarr.domain.proxy.port.out;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.SourceId;
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

    /** The proxies that take channels from this source, ordered like {@link #findAll()}; empty when none does. */
    List<StreamProxy> findUsingSource(SourceId source);

    /** The proxies that take guide data from this guide source, ordered like {@link #findAll()}; empty when none does. */
    List<StreamProxy> findUsingGuide(EpgSourceId guide);
}
