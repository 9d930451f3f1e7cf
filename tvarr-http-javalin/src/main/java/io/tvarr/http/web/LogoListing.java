package io.tvarr.http.web;

import io.tvarr.domain.Page;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.logo.CachedLogo;
import io.tvarr.domain.logo.LogoFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the logos page shows: one page of either the cached logos or the failed downloads, the search that made it,
 * and how many failures there are (for the tab).
 */
public record LogoListing(
        @Nullable Page<CachedLogo> cached, @Nullable Page<LogoFailure> failed, String text, long failedCount) {

    static LogoListing cached(Page<CachedLogo> page, String text, long failedCount) {
        return new LogoListing(page, null, text, failedCount);
    }

    static LogoListing failed(Page<LogoFailure> page, String text, long failedCount) {
        return new LogoListing(null, page, text, failedCount);
    }

    public boolean showsFailed() {
        return failed != null;
    }

    public List<CachedLogo> cachedItems() {
        return cached == null ? List.of() : cached.items();
    }

    public List<LogoFailure> failedItems() {
        return failed == null ? List.of() : failed.items();
    }

    public Pager pager() {
        Page<?> page = failed != null ? failed : java.util.Objects.requireNonNull(cached);
        String base = LogoPages.PATH + "?" + (showsFailed() ? "show=failed&" : "")
                + (text.isEmpty() ? "" : "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&");
        return new Pager(page, base);
    }

    /** A URL as the page shows it: credentials masked. */
    public static String masked(@Nullable String url) {
        return url == null ? "" : Redaction.redactUrl(url);
    }
}
