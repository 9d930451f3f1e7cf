package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import io.tvarr.domain.output.AccessMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who may read a proxy's outputs.
 *
 * @param allowedRanges CIDR ranges as written ({@code 10.0.0.0/8})
 * @param token in token mode, the token or a {@code ${ENV_NAME}} reference; null there makes (or keeps) one
 */
public record AccessConfig(
        AccessMode mode,
        List<String> allowedRanges,
        @Nullable String token) {
    public AccessConfig {
        Checks.requireNonNull(mode, "mode");
        allowedRanges = List.copyOf(allowedRanges);
        token = mode == AccessMode.TOKEN ? Checks.blankToNull(token) : null;
    }

    @Override
    public String toString() {
        return "AccessConfig[mode=" + mode + ", allowedRanges=" + allowedRanges + "]";
    }
}
