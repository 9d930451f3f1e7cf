package io.tvarr.domain.job.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.SourceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Proxies in a map, in insertion order. */
public final class InMemoryStreamProxies implements StreamProxyRepository {
    private final Map<ProxyId, StreamProxy> byId = new LinkedHashMap<>();

    @Override
    public synchronized void insert(StreamProxy proxy) {
        byId.put(proxy.id(), proxy);
    }

    @Override
    public synchronized void update(StreamProxy proxy) {
        if (byId.replace(proxy.id(), proxy) == null) {
            throw new NotFoundException("proxy " + proxy.id() + ": not found");
        }
    }

    @Override
    public synchronized boolean delete(ProxyId id) {
        return byId.remove(id) != null;
    }

    @Override
    public synchronized Optional<StreamProxy> findById(ProxyId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<StreamProxy> findBySlug(String slug) {
        return byId.values().stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    @Override
    public synchronized List<StreamProxy> findAll() {
        return List.copyOf(byId.values());
    }

    @Override
    public synchronized List<StreamProxy> findUsingSource(SourceId source) {
        return byId.values().stream().filter(p -> p.sources().contains(source)).toList();
    }

    @Override
    public synchronized List<StreamProxy> findUsingGuide(EpgSourceId guide) {
        return byId.values().stream()
                .filter(p -> p.epgSources().contains(guide))
                .toList();
    }
}
