package io.tvarr.domain.account.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUser;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new output user for a proxy.
 *
 * @param password in clear, as players will send it: 4-128 characters, no '/' or white space (it travels in URL
 *     paths such as {@code /live/{username}/{password}/{id}.ts})
 * @param expiresAt null for never
 * @param maxConnections streams at once, 1-100
 */
public record CreateOutputUserCommand(
        String username, String password, @Nullable Instant expiresAt, int maxConnections) {
    public CreateOutputUserCommand {
        username = OutputUser.requireUsername(username);
        requirePassword(password);
        Checks.requireRange(maxConnections, 1, 100, "max_connections");
    }

    /** Checks a password as players will send it in URL paths; shared with {@link UpdateOutputUserCommand}. */
    static void requirePassword(@Nullable String password) {
        String given = Checks.requireNonNull(password, "password");
        if (given.length() < 4 || given.length() > 128 || !given.matches("[^/\\s]+")) {
            throw new ValidationException("password: (expected: 4-128 characters without '/' or white space)");
        }
    }

    @Override
    public String toString() {
        return "CreateOutputUserCommand[username=" + username + ", password=****, expiresAt=" + expiresAt
                + ", maxConnections=" + maxConnections + "]";
    }
}
