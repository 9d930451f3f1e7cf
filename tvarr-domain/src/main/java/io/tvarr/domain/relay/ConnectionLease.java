package io.tvarr.domain.relay;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of the connections a {@link LeaseKey} limits (a source's provider connections, an output user's streams, a
 * tuner device's tuners), held by an instance of a deployment that shares one database: slot {@code slot} of the
 * limit, until {@code expiresAt} unless the instance renews it. A lease that has expired belonged to an instance that
 * stopped renewing (it stopped, or lost the database), and may be taken over.
 *
 * @param slot 0 to the limit minus one: the number of the connection, so two instances never hold the same
 * @param instance the id of the instance holding it
 * @param holder names this one lease among the instance's (a restarted instance must not release a lease taken
 *     again since)
 * @param detail what the connection serves, shown by the other instances (a tuner's channel and player); null when
 *     nothing is to be shown
 */
public record ConnectionLease(
        LeaseKey key,
        int slot,
        String instance,
        String holder,
        @Nullable String detail,
        Instant expiresAt) {
    public ConnectionLease {
        Checks.requireNonNull(key, "lease_key");
        if (slot < 0) {
            throw new ValidationException("slot: " + slot + " (expected: 0 or more)");
        }
        Checks.requireText(instance, "instance");
        Checks.requireText(holder, "holder");
        Checks.requireMaxLength(detail, 255, "detail");
        Checks.requireNonNull(expiresAt, "expires_at");
    }

    /** Whether the lease still holds its connection at {@code now}. */
    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
