package io.tvarr.domain.logo.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.logo.LogoFailure;
import io.tvarr.domain.logo.LogoQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The logo URLs whose last fetch failed, one row per URL. Thread-safe. */
public interface LogoFailureRepository {
    /** Records a failed attempt: a new row with one failure, or the URL's count raised and its reason replaced. */
    void recordFailure(String url, String reason, Instant at);

    /** Forgets the URLs (their fetch succeeded); unknown URLs are ignored. */
    void removeAll(Collection<String> urls);

    /** Every URL that has a row; the set is small next to the cache, failures are the exception. */
    Set<String> urls();

    /** The failures of these URLs, those that have one. */
    List<LogoFailure> findByUrls(Collection<String> urls);

    Page<LogoFailure> findPage(LogoQuery query);

    long count();

    /** Forgets every failure; returns how many there were. */
    int deleteAll();
}
