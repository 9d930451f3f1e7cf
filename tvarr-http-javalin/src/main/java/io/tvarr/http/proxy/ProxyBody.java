package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.SourceId;
import io.tvarr.http.EnumParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxy as the API reads it. Defaults: numbering preserve from 1 with blocks of 100, delivery redirect,
 * channel numbers and url-tvg header on, logo caching and deduplication off, guide 1 day back and 7 ahead.
 */
record ProxyBody(
        @OpenApiRequired @Nullable String name,
        @OpenApiNullable @Nullable String slug,
        @OpenApiNullable @Nullable List<String> sources,
        @OpenApiNullable @Nullable List<String> epgSources,
        @OpenApiNullable @Nullable List<ProxyFilterBody> filters,
        @OpenApiNullable @Nullable List<ProxyMappingRuleBody> mappingRules,

        @OpenApiPropertyType(definedBy = NumberingMode.class) @OpenApiNullable @Nullable
        String numberingMode,

        @OpenApiNullable @Nullable Integer numberingStart,
        @OpenApiNullable @Nullable Integer numberingBlockSize,

        @OpenApiPropertyType(definedBy = DeliveryModeName.class)
        @OpenApiDescription(DELIVERY_MODES)
        @OpenApiNullable
        @Nullable
        String deliveryMode,

        @OpenApiNullable @Nullable String relayProfile,
        @OpenApiNullable @Nullable Boolean includeChannelNumber,
        @OpenApiNullable @Nullable String groupTitleOverride,
        @OpenApiNullable @Nullable Boolean urlTvgHeader,
        @OpenApiNullable @Nullable Boolean cacheLogos,
        @OpenApiNullable @Nullable Boolean deduplicateStreams,
        @OpenApiNullable @Nullable Integer epgDaysBack,
        @OpenApiNullable @Nullable Integer epgDaysAhead,

        @OpenApiDescription(KEEP_GUIDE_EXTRAS) @OpenApiNullable @Nullable
        Boolean keepGuideExtras,

        @OpenApiDescription(HDHOMERUN) @OpenApiNullable @Nullable
        Boolean hdhomerun,

        @OpenApiDescription(XTREAM_VOD) @OpenApiNullable @Nullable
        Boolean xtreamVod,

        @OpenApiDescription(HDHOMERUN_PROFILE) @OpenApiNullable @Nullable
        String hdhomerunProfile,

        @OpenApiNullable @Nullable String schedule) {
    static final String XTREAM_VOD = "true (default): the proxy's Xtream door also serves the movies and series its"
            + " Xtream sources ingested (get_vod_*, get_series*, /movie/, /series/); false: those answer empty.";
    static final String HDHOMERUN_PROFILE = "the id of the relay profile every stream of the proxy's HDHomeRun tuner"
            + " goes through; null or absent (default): the built-in choice, H.264/AAC channels passed through and"
            + " the others encoded to H.264/AAC, what Plex takes.";
    static final String HDHOMERUN = "true (default): the proxy is also an HDHomeRun tuner device at /hdhr/{slug}/"
            + " (discover.json, lineup.json…) for Plex, Jellyfin and Emby; false: those answer 404.";
    static final String KEEP_GUIDE_EXTRAS = "false (default): the guide holds only what the XMLTV DTD allows;"
            + " true also writes the provider's other elements (series-id, season, lcn…), after the DTD's ones.";
    static final String DELIVERY_MODES = "redirect (default), proxy or transcode (needs relayProfile). Deprecated:"
            + " relay, the former name of transcode, is accepted until the next release and answered as transcode.";
    private static final Logger log = LoggerFactory.getLogger(ProxyBody.class);

    @OpenApiIgnore
    SaveProxyCommand toCommand() {
        OutputSettings defaults = OutputSettings.DEFAULT;
        return new SaveProxyCommand(
                name == null ? "" : name,
                slug,
                ids(sources, "sources", SourceId::parse),
                ids(epgSources, "epgSources", EpgSourceId::parse),
                parsedFilters(),
                parsedRules(),
                new Numbering(
                        numberingMode == null
                                ? Numbering.DEFAULT.mode()
                                : EnumParam.parse(NumberingMode.class, numberingMode, "numberingMode"),
                        numberingStart == null ? Numbering.DEFAULT.start() : numberingStart,
                        numberingBlockSize == null ? Numbering.DEFAULT.blockSize() : numberingBlockSize),
                deliveryMode(deliveryMode),
                relayProfile == null || relayProfile.isBlank()
                        ? null
                        : parse(relayProfile, "relayProfile", RelayProfileId::parse),
                new OutputSettings(
                        or(includeChannelNumber, defaults.includeChannelNumber()),
                        groupTitleOverride,
                        or(urlTvgHeader, defaults.urlTvgHeader()),
                        or(cacheLogos, defaults.cacheLogos()),
                        or(deduplicateStreams, defaults.deduplicateStreams()),
                        epgDaysBack == null ? defaults.epgDaysBack() : epgDaysBack,
                        epgDaysAhead == null ? defaults.epgDaysAhead() : epgDaysAhead,
                        or(keepGuideExtras, defaults.keepGuideExtras()),
                        or(hdhomerun, defaults.hdhomerun()),
                        or(xtreamVod, defaults.xtreamVod()),
                        hdhomerunProfile == null || hdhomerunProfile.isBlank()
                                ? null
                                : parse(hdhomerunProfile, "hdhomerunProfile", RelayProfileId::parse)),
                schedule);
    }

    private static DeliveryMode deliveryMode(@Nullable String value) {
        if (value == null) {
            return DeliveryMode.REDIRECT;
        }
        Optional<DeliveryMode> renamed = DeliveryMode.ofDeprecatedName(value);
        if (renamed.isPresent()) {
            DeliveryMode mode = renamed.get();
            log.warn(
                    "deprecated delivery mode accepted field=deliveryMode value={} replacement={}",
                    value,
                    EnumParam.format(mode));
            return mode;
        }
        return EnumParam.parse(DeliveryMode.class, value, "deliveryMode");
    }

    @OpenApiIgnore
    private List<ProxyFilter> parsedFilters() {
        List<ProxyFilter> parsed = new ArrayList<>();
        if (filters == null) {
            return parsed;
        }
        for (int i = 0; i < filters.size(); i++) {
            ProxyFilterBody body = filters.get(i);
            String field = "filters[" + i + "].filterId";
            if (body == null || body.filterId() == null) {
                throw new ValidationException(field + ": must be given");
            }
            parsed.add(new ProxyFilter(parse(body.filterId(), field, FilterId::parse), or(body.active(), true)));
        }
        return parsed;
    }

    @OpenApiIgnore
    private List<ProxyMappingRule> parsedRules() {
        List<ProxyMappingRule> parsed = new ArrayList<>();
        if (mappingRules == null) {
            return parsed;
        }
        for (int i = 0; i < mappingRules.size(); i++) {
            ProxyMappingRuleBody body = mappingRules.get(i);
            String field = "mappingRules[" + i + "].ruleId";
            if (body == null || body.ruleId() == null) {
                throw new ValidationException(field + ": must be given");
            }
            parsed.add(
                    new ProxyMappingRule(parse(body.ruleId(), field, MappingRuleId::parse), or(body.active(), true)));
        }
        return parsed;
    }

    private static <T> List<T> ids(@Nullable List<String> values, String field, Function<String, T> parser) {
        List<T> ids = new ArrayList<>();
        if (values == null) {
            return ids;
        }
        for (int i = 0; i < values.size(); i++) {
            ids.add(parse(values.get(i), field + "[" + i + "]", parser));
        }
        return ids;
    }

    private static <T> T parse(@Nullable String value, String field, Function<String, T> parser) {
        if (value == null) {
            throw new ValidationException(field + ": must be given");
        }
        try {
            return parser.apply(value);
        } catch (ValidationException e) {
            throw new ValidationException(field + ": '" + value + "' (expected: an id, a UUID)", e);
        }
    }

    private static boolean or(@Nullable Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }
}
