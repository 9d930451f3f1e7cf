package io.tvarr.domain.output;

import io.tvarr.domain.output.port.out.OutputAccessRepository;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Output access in a map, for tests of the services that use it. */
public final class InMemoryOutputAccesses implements OutputAccessRepository {
    private final Map<ProxyId, OutputAccess> stored = new ConcurrentHashMap<>();

    @Override
    public void save(OutputAccess access) {
        stored.put(access.proxy(), access);
    }

    @Override
    public Optional<OutputAccess> findByProxy(ProxyId proxy) {
        return Optional.ofNullable(stored.get(proxy));
    }

    @Override
    public List<OutputAccess> findAll() {
        return List.copyOf(stored.values());
    }
}
