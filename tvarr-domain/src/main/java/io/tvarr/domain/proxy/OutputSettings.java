package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What the published M3U and XMLTV contain.
 *
 * @param keepGuideExtras whether the guide also carries provider elements the XMLTV DTD does not know (series-id,
 *     season, lcn…); off by default, so the published guide is valid for strict readers
 */
public record OutputSettings(
        boolean includeChannelNumber,
        @Nullable String groupTitleOverride,
        boolean urlTvgHeader,
        boolean cacheLogos,
        boolean deduplicateStreams,
        int epgDaysBack,
        int epgDaysAhead,
        boolean keepGuideExtras) {
    public static final OutputSettings DEFAULT = new OutputSettings(true, null, true, false, false, 1, 7, false);

    public OutputSettings {
        groupTitleOverride = Checks.blankToNull(groupTitleOverride);
        Checks.requireRange(epgDaysBack, 0, 365, "epg_days_back");
        Checks.requireRange(epgDaysAhead, 0, 365, "epg_days_ahead");
    }

    /** Settings whose guide keeps to the DTD. */
    public OutputSettings(
            boolean includeChannelNumber,
            @Nullable String groupTitleOverride,
            boolean urlTvgHeader,
            boolean cacheLogos,
            boolean deduplicateStreams,
            int epgDaysBack,
            int epgDaysAhead) {
        this(
                includeChannelNumber,
                groupTitleOverride,
                urlTvgHeader,
                cacheLogos,
                deduplicateStreams,
                epgDaysBack,
                epgDaysAhead,
                false);
    }
}
