package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.relay.RelayProfileId;
import org.jspecify.annotations.Nullable;

/**
 * What the published M3U and XMLTV contain.
 *
 * @param keepGuideExtras whether the guide also carries provider elements the XMLTV DTD does not know (series-id,
 *     season, lcn…); off by default, so the published guide is valid for strict readers
 * @param hdhomerun whether the proxy is also exposed as an HDHomeRun tuner device ({@code /hdhr/{proxy}/…}); on by
 *     default
 * @param xtreamVod whether the proxy's Xtream door also serves the movies and series its Xtream sources offer (the
 *     {@code get_vod_*} and {@code get_series*} actions, {@code /movie/} and {@code /series/}); on by default, since
 *     a source ingests them only when asked to
 * @param hdhomerunProfile the relay profile every stream of the proxy's HDHomeRun tuner goes through; null (the
 *     default) for the built-in choice: a channel last probed as H.264/AAC passed through, any other through the
 *     built-in smart H.264/AAC profile, what Plex takes
 */
public record OutputSettings(
        boolean includeChannelNumber,
        @Nullable String groupTitleOverride,
        boolean urlTvgHeader,
        boolean cacheLogos,
        boolean deduplicateStreams,
        int epgDaysBack,
        int epgDaysAhead,
        boolean keepGuideExtras,
        boolean hdhomerun,
        boolean xtreamVod,
        @Nullable RelayProfileId hdhomerunProfile) {
    public static final OutputSettings DEFAULT =
            new OutputSettings(true, null, true, false, false, 1, 7, false, true, true);

    public OutputSettings {
        groupTitleOverride = Checks.blankToNull(groupTitleOverride);
        Checks.requireRange(epgDaysBack, 0, 365, "epg_days_back");
        Checks.requireRange(epgDaysAhead, 0, 365, "epg_days_ahead");
    }

    /** Settings whose tuner takes the built-in relay profile choice. */
    public OutputSettings(
            boolean includeChannelNumber,
            @Nullable String groupTitleOverride,
            boolean urlTvgHeader,
            boolean cacheLogos,
            boolean deduplicateStreams,
            int epgDaysBack,
            int epgDaysAhead,
            boolean keepGuideExtras,
            boolean hdhomerun,
            boolean xtreamVod) {
        this(
                includeChannelNumber,
                groupTitleOverride,
                urlTvgHeader,
                cacheLogos,
                deduplicateStreams,
                epgDaysBack,
                epgDaysAhead,
                keepGuideExtras,
                hdhomerun,
                xtreamVod,
                null);
    }

    /** The same settings with the tuner's relay profile; null for the built-in choice. */
    public OutputSettings withHdhomerunProfile(@Nullable RelayProfileId profile) {
        return new OutputSettings(
                includeChannelNumber,
                groupTitleOverride,
                urlTvgHeader,
                cacheLogos,
                deduplicateStreams,
                epgDaysBack,
                epgDaysAhead,
                keepGuideExtras,
                hdhomerun,
                xtreamVod,
                profile);
    }

    /** Settings whose Xtream door serves VOD and series. */
    public OutputSettings(
            boolean includeChannelNumber,
            @Nullable String groupTitleOverride,
            boolean urlTvgHeader,
            boolean cacheLogos,
            boolean deduplicateStreams,
            int epgDaysBack,
            int epgDaysAhead,
            boolean keepGuideExtras,
            boolean hdhomerun) {
        this(
                includeChannelNumber,
                groupTitleOverride,
                urlTvgHeader,
                cacheLogos,
                deduplicateStreams,
                epgDaysBack,
                epgDaysAhead,
                keepGuideExtras,
                hdhomerun,
                true);
    }

    /** The same settings with the Xtream door's VOD and series switched on or off. */
    public OutputSettings withXtreamVod(boolean on) {
        return new OutputSettings(
                includeChannelNumber,
                groupTitleOverride,
                urlTvgHeader,
                cacheLogos,
                deduplicateStreams,
                epgDaysBack,
                epgDaysAhead,
                keepGuideExtras,
                hdhomerun,
                on,
                hdhomerunProfile);
    }

    /** Settings exposed as an HDHomeRun tuner. */
    public OutputSettings(
            boolean includeChannelNumber,
            @Nullable String groupTitleOverride,
            boolean urlTvgHeader,
            boolean cacheLogos,
            boolean deduplicateStreams,
            int epgDaysBack,
            int epgDaysAhead,
            boolean keepGuideExtras) {
        this(
                includeChannelNumber,
                groupTitleOverride,
                urlTvgHeader,
                cacheLogos,
                deduplicateStreams,
                epgDaysBack,
                epgDaysAhead,
                keepGuideExtras,
                true);
    }

    /** The same settings with the HDHomeRun tuner switched on or off. */
    public OutputSettings withHdhomerun(boolean on) {
        return new OutputSettings(
                includeChannelNumber,
                groupTitleOverride,
                urlTvgHeader,
                cacheLogos,
                deduplicateStreams,
                epgDaysBack,
                epgDaysAhead,
                keepGuideExtras,
                on,
                xtreamVod,
                hdhomerunProfile);
    }

    /** Settings whose guide keeps to the DTD, exposed as an HDHomeRun tuner. */
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
