package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.source.SourceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Provider connections as leases in the database every instance shares, so that together they never open more
 * connections to a source than its limit. Each call is atomic on its own: two instances claiming the last free slot
 * at once get it once. Thread-safe.
 */
public interface ConnectionLeaseRepository {
    /**
     * Claims the lowest slot below {@code limit} that no live lease holds: a free one, or one whose lease expired
     * before {@code now} (taken over from the instance that stopped renewing it).
     *
     * @param limit the source's connection limit, 1 or more; leases of slots at or above it (the limit was lowered)
     *     still count against it until released
     * @return empty when {@code limit} live leases hold the source's connections
     */
    Optional<ConnectionLease> claim(
            SourceId source, int limit, String instance, String holder, Instant now, Instant expiresAt);

    /** Extends every lease {@code instance} holds to {@code expiresAt}, in one statement; the number renewed. */
    int renewAll(String instance, Instant expiresAt);

    /** Gives the lease's connection back, unless another instance took it over already; whether it was held. */
    boolean release(ConnectionLease lease);

    /** Drops every lease of {@code instance}: a new run of an instance holds none of its previous run's connections. */
    int releaseAll(String instance);

    /** The source's leases still live at {@code now}, by slot. */
    List<ConnectionLease> findLive(SourceId source, Instant now);
}
