package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.LeaseKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Limited connections (a source's, an output user's, a tuner device's) as leases in the database every instance
 * shares, so that together they never hold more than the limit. Each call is atomic on its own: two instances
 * claiming the last free slot at once get it once. Thread-safe.
 */
public interface ConnectionLeaseRepository {
    /**
     * Claims the lowest slot below {@code limit} that no live lease holds: a free one, or one whose lease expired
     * before {@code now} (taken over from the instance that stopped renewing it). The claim's fields but the slot
     * come from {@code wanted}; its slot is ignored.
     *
     * @param limit the connection limit, 1 or more; leases of slots at or above it (the limit was lowered) still
     *     count against it until released
     * @return empty when {@code limit} live leases hold the key's connections
     */
    Optional<ConnectionLease> claim(ConnectionLease wanted, int limit, Instant now);

    /** Extends every lease {@code instance} holds to {@code expiresAt}, in one statement; the number renewed. */
    int renewAll(String instance, Instant expiresAt);

    /** Gives the lease's connection back, unless another instance took it over already; whether it was held. */
    boolean release(ConnectionLease lease);

    /** Drops every lease of {@code instance}: a new run of an instance holds none of its previous run's connections. */
    int releaseAll(String instance);

    /** The key's leases still live at {@code now}, by slot. */
    List<ConnectionLease> findLive(LeaseKey key, Instant now);

    /** The holders of every lease {@code instance} holds now, live or not: what its heartbeat renews. */
    List<String> findHolders(String instance);
}
