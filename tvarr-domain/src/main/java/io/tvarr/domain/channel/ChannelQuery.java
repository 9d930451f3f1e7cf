package io.tvarr.domain.channel;

import io.tvarr.domain.Checks;
import io.tvarr.domain.source.SourceId;
import org.jspecify.annotations.Nullable;

/**
 * One page of a channel listing, ordered by source then playlist position so paging is stable.
 *
 * @param page zero-based page
 * @param size page size, 1-1000
 * @param text case-insensitive substring of the name, tvg-id or tvg-name
 */
public record ChannelQuery(
        @Nullable SourceId source,
        @Nullable String group,
        @Nullable String text,
        int page,
        int size) {
    public ChannelQuery {
        group = Checks.blankToNull(group);
        text = Checks.blankToNull(text);
        Checks.requireRange(page, 0, Integer.MAX_VALUE, "page");
        Checks.requireRange(size, 1, 1000, "size");
    }

    public long offset() {
        return (long) page * size;
    }
}
