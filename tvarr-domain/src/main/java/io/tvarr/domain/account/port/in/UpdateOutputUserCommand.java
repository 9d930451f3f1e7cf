package io.tvarr.domain.account.port.in;

import io.tvarr.domain.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change to an output user: its username stays, since players have it saved.
 *
 * @param password a new password in clear (same rules as at creation), null to keep the current one
 * @param expiresAt null for never
 * @param maxConnections streams at once, 1-100
 */
public record UpdateOutputUserCommand(
        @Nullable String password, @Nullable Instant expiresAt, int maxConnections) {
    public UpdateOutputUserCommand {
        if (password != null) {
            CreateOutputUserCommand.requirePassword(password);
        }
        Checks.requireRange(maxConnections, 1, 100, "max_connections");
    }

    @Override
    public String toString() {
        return "UpdateOutputUserCommand[password=" + (password == null ? "kept" : "****") + ", expiresAt=" + expiresAt
                + ", maxConnections=" + maxConnections + "]";
    }
}
