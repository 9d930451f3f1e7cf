package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A login of a proxy's players. Export writes the stored hash ({@code passwordHash}, not a secret in clear); a
 * document may give a {@code password} instead (best as a {@code ${ENV_NAME}} reference), which is hashed on apply.
 */
public record OutputUserConfig(
        String username,
        @Nullable String passwordHash,
        @Nullable String password,
        @Nullable Instant expiresAt,
        int maxConnections) {
    public OutputUserConfig {
        username = Checks.requireText(username, "username");
        passwordHash = Checks.blankToNull(passwordHash);
        password = Checks.blankToNull(password);
    }

    @Override
    public String toString() {
        return "OutputUserConfig[username=" + username + "]";
    }
}
