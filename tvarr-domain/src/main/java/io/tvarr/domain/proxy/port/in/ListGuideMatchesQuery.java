package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.ProxyId;
import org.jspecify.annotations.Nullable;

/**
 * A page of a proxy's guide matches in output order.
 *
 * @param tier only matches of this tier; null for all
 * @param offset matches to skip (of those the tier selects)
 * @param limit at most this many (1-1000)
 */
public record ListGuideMatchesQuery(ProxyId proxy, @Nullable GuideMatchTier tier, long offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public ListGuideMatchesQuery {
        Checks.requireNonNull(proxy, "proxy");
        if (offset < 0) {
            throw new io.tvarr.domain.ValidationException("offset: " + offset + " (expected: 0 or more)");
        }
        Checks.requireRange(limit, 1, MAX_LIMIT, "limit");
    }
}
