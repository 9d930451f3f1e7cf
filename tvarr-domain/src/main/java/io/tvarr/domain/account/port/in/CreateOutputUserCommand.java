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
        Checks.requireNonNull(password, "password");
        if (password.length() < 4 || password.length() > 128 || !password.matches("[^/\\s]+")) {
            throw new ValidationException("password: (expected: 4-128 characters without '/' or white space)");
        }
        Checks.requireRange(maxConnections, 1, 100, "max_connections");
    }

    @Override
    public String toString() {
        return "CreateOutputUserCommand[username=" + username + ", password=****, expiresAt=" + expiresAt
                + ", maxConnections=" + maxConnections + "]";
    }
}
