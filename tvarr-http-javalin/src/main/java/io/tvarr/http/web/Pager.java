package io.tvarr.http.web;

import io.tvarr.domain.Page;

/**
 * Links to the pages around one page of a listing the store paged.
 *
 * @param base the listing's path with its query so far, ending in {@code ?} or {@code &}
 */
public record Pager(Page<?> page, String base) {
    public long pages() {
        return Math.max(1, (page.total() + page.size() - 1) / page.size());
    }

    public int number() {
        return page.page() + 1;
    }

    public boolean hasPrevious() {
        return page.page() > 0;
    }

    public boolean hasNext() {
        return page.page() + 1 < pages();
    }

    public String previous() {
        return base + "page=" + (page.page() - 1);
    }

    public String next() {
        return base + "page=" + (page.page() + 1);
    }
}
