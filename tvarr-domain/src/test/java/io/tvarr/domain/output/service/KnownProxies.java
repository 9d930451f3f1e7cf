package io.tvarr.domain.output.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import java.util.ArrayList;
import java.util.List;

/** The proxies a test knows, found by id or slug as the proxy service finds them; not for changing. */
final class KnownProxies implements ManageProxiesUseCase {
    private final List<StreamProxy> proxies = new ArrayList<>();

    KnownProxies add(StreamProxy proxy) {
        proxies.add(proxy);
        return this;
    }

    @Override
    public StreamProxy create(SaveProxyCommand command) {
        throw new UnsupportedOperationException("tests add proxies directly");
    }

    @Override
    public StreamProxy update(ProxyId id, SaveProxyCommand command) {
        throw new UnsupportedOperationException("tests add proxies directly");
    }

    @Override
    public void delete(ProxyId id) {
        proxies.removeIf(p -> p.id().equals(id));
    }

    @Override
    public StreamProxy get(ProxyId id) {
        return proxies.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("proxy " + id + ": not found"));
    }

    @Override
    public StreamProxy find(String idOrSlug) {
        return proxies.stream()
                .filter(p -> p.id().toString().equals(idOrSlug) || p.slug().equals(idOrSlug))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("proxy '" + idOrSlug + "': not found"));
    }

    @Override
    public List<StreamProxy> list() {
        return List.copyOf(proxies);
    }
}
