package io.tvarr.domain.relay;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceId;
import java.time.Instant;

/**
 * One of a source's provider connections, held by an instance of a deployment that shares one database: slot
 * {@code slot} of the source's limit, until {@code expiresAt} unless the instance renews it. A lease that has
 * expired belonged to an instance that stopped renewing (it stopped, or lost the database), and may be taken over.
 *
 * @param slot 0 to the source's limit minus one: the number of the connection, so two instances never hold the same
 * @param instance the id of the instance holding it
 * @param holder names this one lease among the instance's (a restarted instance must not release a lease taken
 *     again since)
 */
public record ConnectionLease(SourceId source, int slot, String instance, String holder, Instant expiresAt) {
    public ConnectionLease {
        Checks.requireNonNull(source, "source");
        if (slot < 0) {
            throw new ValidationException("slot: " + slot + " (expected: 0 or more)");
        }
        Checks.requireText(instance, "instance");
        Checks.requireText(holder, "holder");
        Checks.requireNonNull(expiresAt, "expires_at");
    }

    /** Whether the lease still holds its connection at {@code now}. */
    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
