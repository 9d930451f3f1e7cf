package io.tvarr.domain;

import java.util.List;

/** A bounded slice of a larger listing, with the total for paging controls. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
