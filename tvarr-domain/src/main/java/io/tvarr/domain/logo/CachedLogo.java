package io.tvarr.domain.logo;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A cached logo as a listing shows it: the asset and, when the last attempt to refresh it failed, that failure (the
 * cache keeps serving the older bytes meanwhile).
 */
public record CachedLogo(LogoAsset asset, @Nullable LogoFailure lastFailure) {
    public Optional<LogoFailure> failure() {
        return Optional.ofNullable(lastFailure);
    }
}
