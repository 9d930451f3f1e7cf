package io.tvarr.domain.logo;

import io.tvarr.domain.Checks;
import java.time.Duration;

/**
 * How logos are cached.
 *
 * @param concurrency downloads at once
 * @param maxBytes largest logo accepted
 * @param revalidateAfter a cached logo older than this is checked again with its ETag/Last-Modified
 */
public record LogoSettings(int concurrency, int maxBytes, Duration revalidateAfter) {
    public static final LogoSettings DEFAULT = new LogoSettings(50, 2 * 1024 * 1024, Duration.ofHours(24));

    public LogoSettings {
        Checks.requireRange(concurrency, 1, 1000, "logos.concurrency");
        Checks.requireRange(maxBytes, 1024, 64 * 1024 * 1024, "logos.max_bytes");
        Checks.requireNonNull(revalidateAfter, "logos.revalidate_after");
    }
}
