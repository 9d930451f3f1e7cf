package io.tvarr.domain.logo.port.in;

import io.tvarr.domain.logo.LogoCacheResult;
import java.util.Collection;

/** Caching channel logos for a generated playlist. Thread-safe. */
public interface CacheLogosUseCase {
    /**
     * Downloads what is missing or stale, concurrently, and blocks until every URL has an outcome; never throws
     * for one bad logo (it goes to {@link LogoCacheResult#failed()}).
     */
    LogoCacheResult cache(Collection<String> urls);
}
