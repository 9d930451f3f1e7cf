package io.tvarr.domain.relay;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceId;

/**
 * What a set of connection leases limits across instances: a source's provider connections, an output user's streams
 * or an HDHomeRun device's tuners. Each has its own slots, 0 to its limit minus one.
 *
 * @param value a source's id as it is (as stored before output users and tuners had leases), else a prefixed id:
 *     {@code user:<output user id>} (the Xtream door's), {@code tuner:<proxy id>} (the HDHomeRun devices')
 */
public record LeaseKey(String value) {
    /** The longest key stored: a prefix and an id. */
    public static final int MAX_LENGTH = 100;

    public LeaseKey {
        Checks.requireText(value, "lease_key");
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException(
                    "lease_key: " + value.length() + " characters (expected: at most " + MAX_LENGTH + ")");
        }
    }

    public static LeaseKey source(SourceId source) {
        return new LeaseKey(source.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
