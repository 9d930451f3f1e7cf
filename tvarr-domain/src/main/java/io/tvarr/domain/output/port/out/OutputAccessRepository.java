package io.tvarr.domain.output.port.out;

import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;
import java.util.Optional;

/** Stores each proxy's output access; deleting a proxy deletes its access. */
public interface OutputAccessRepository {
    /** Inserts or replaces the proxy's access. */
    void save(OutputAccess access);

    /** Empty when the proxy's access was never changed (or the proxy does not exist). */
    Optional<OutputAccess> findByProxy(ProxyId proxy);

    /** Every stored access, any mode; proxies never changed have none. */
    List<OutputAccess> findAll();
}
