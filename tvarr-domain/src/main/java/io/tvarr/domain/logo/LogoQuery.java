package io.tvarr.domain.logo;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One page of the cached or failed logos, ordered so paging is stable (cached by fetch time then hash, failed by
 * the last failure then URL, newest first).
 *
 * @param text case-insensitive substring of the logo's URL; null or blank for all
 * @param page zero-based page
 * @param size page size, 1-1000
 */
public record LogoQuery(@Nullable String text, int page, int size) {
    public LogoQuery {
        text = Checks.blankToNull(text);
        Checks.requireRange(page, 0, Integer.MAX_VALUE, "page");
        Checks.requireRange(size, 1, 1000, "size");
    }

    public long offset() {
        return (long) page * size;
    }
}
