package io.tvarr.domain.source;

import io.tvarr.domain.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An Xtream Codes account as its panel describes it after a login.
 *
 * @param status the panel's word, such as "Active", "Expired", "Banned", "Disabled"
 * @param expiresAt null when the account never expires or the panel does not say
 * @param maxConnections how many streams the account may play at once; null when the panel does not say
 * @param activeConnections how many it plays now; null when the panel does not say
 */
public record XtreamAccount(
        String status,
        @Nullable Instant expiresAt,
        @Nullable Integer maxConnections,
        @Nullable Integer activeConnections,
        boolean trial) {
    public XtreamAccount {
        status = Checks.requireNonNull(status, "status");
    }

    public boolean active() {
        return status.equalsIgnoreCase("Active");
    }
}
