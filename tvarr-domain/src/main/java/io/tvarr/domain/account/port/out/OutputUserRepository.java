package io.tvarr.domain.account.port.out;

import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;
import java.util.Optional;

/** Stores output users; deleting a proxy deletes its users. */
public interface OutputUserRepository {
    /** @throws io.tvarr.domain.ConflictException when the username is taken, by any proxy */
    void insert(OutputUser user);

    Optional<OutputUser> findByUsername(String username);

    /** The proxy's users by username; empty when it has none. */
    List<OutputUser> findByProxy(ProxyId proxy);

    /** Stores the user's password hash, expiry and connection limit; whether a user of that proxy with that id was there. */
    boolean update(OutputUser user);

    /** Whether a user of that proxy with that id was there to delete. */
    boolean delete(ProxyId proxy, OutputUserId id);
}
