package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/** What the published M3U and XMLTV contain. */
public record OutputSettings(
        boolean includeChannelNumber,
        @Nullable String groupTitleOverride,
        boolean urlTvgHeader,
        boolean cacheLogos,
        boolean deduplicateStreams,
        int epgDaysBack,
        int epgDaysAhead) {
    public static final OutputSettings DEFAULT = new OutputSettings(true, null, true, false, false, 1, 7);

    public OutputSettings {
        groupTitleOverride = Checks.blankToNull(groupTitleOverride);
        Checks.requireRange(epgDaysBack, 0, 365, "epg_days_back");
        Checks.requireRange(epgDaysAhead, 0, 365, "epg_days_ahead");
    }
}
