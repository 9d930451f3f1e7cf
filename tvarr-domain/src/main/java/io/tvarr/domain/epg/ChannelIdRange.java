package io.tvarr.domain.epg;

import org.jspecify.annotations.Nullable;

/**
 * Guide channel ids from {@code from} (inclusive) up to {@code until} (exclusive), in the store's own order; an
 * open end is null. Two ranges meeting at one id split a guide into halves that are read side by side and together
 * hold every channel exactly once, whatever collation the store compares ids with.
 */
public record ChannelIdRange(
        @Nullable String from, @Nullable String until) {
    public static final ChannelIdRange ALL = new ChannelIdRange(null, null);
}
