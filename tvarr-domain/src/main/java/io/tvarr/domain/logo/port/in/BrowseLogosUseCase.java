package io.tvarr.domain.logo.port.in;

import io.tvarr.domain.Page;
import io.tvarr.domain.logo.CachedLogo;
import io.tvarr.domain.logo.LogoFailure;
import io.tvarr.domain.logo.LogoQuery;

/** Paging through the logo cache and the logos that could not be fetched. Thread-safe. */
public interface BrowseLogosUseCase {
    /** Cached logos, newest fetch first, each with its last failed refresh if any. */
    Page<CachedLogo> cached(LogoQuery query);

    /** Logo URLs whose last fetch failed, most recent failure first. */
    Page<LogoFailure> failed(LogoQuery query);

    /** How many logo URLs failed their last fetch. */
    long failedCount();
}
