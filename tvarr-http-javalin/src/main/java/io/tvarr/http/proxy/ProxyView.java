package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A proxy as the API shows it, with the URLs players subscribe to. */
record ProxyView(
        String id,
        String name,
        String slug,
        List<String> sources,
        List<String> epgSources,
        List<ProxyFilterView> filters,
        List<ProxyMappingRuleView> mappingRules,

        @OpenApiPropertyType(definedBy = NumberingMode.class)
        String numberingMode,

        int numberingStart,
        int numberingBlockSize,

        @OpenApiPropertyType(definedBy = DeliveryMode.class) @OpenApiDescription("redirect, proxy or transcode")
        String deliveryMode,

        @OpenApiNullable @Nullable String relayProfile,
        boolean includeChannelNumber,
        @OpenApiNullable @Nullable String groupTitleOverride,
        boolean urlTvgHeader,
        boolean cacheLogos,
        boolean deduplicateStreams,
        int epgDaysBack,
        int epgDaysAhead,
        boolean keepGuideExtras,
        boolean hdhomerun,

        @OpenApiDescription("whether the Xtream door also serves the movies and series of the proxy's Xtream sources")
        boolean xtreamVod,

        @OpenApiDescription(ProxyBody.HDHOMERUN_PROFILE) @OpenApiNullable @Nullable
        String hdhomerunProfile,

        @OpenApiNullable @Nullable String schedule,
        String playlistPath,
        String guidePath,

        @OpenApiDescription("the HDHomeRun device's base path (add it to Plex or Jellyfin as a tuner), null when off")
        @OpenApiNullable
        @Nullable
        String hdhomerunPath,

        @OpenApiDescription("the Xtream Codes server URL is tvarr's base URL; log in with one of xtreamUsernames")
        String xtreamServerPath,

        @OpenApiDescription("the proxy's output users, for Xtream Codes players")
        List<String> xtreamUsernames,

        @OpenApiDescription("who may read the outputs, and the full URLs to give players")
        OutputAccessView outputAccess,

        Instant createdAt,
        Instant updatedAt) {
    static ProxyView of(StreamProxy p, List<String> usernames, OutputAccessView access) {
        OutputSettings o = p.output();
        // a token proxy answers only to its token: paths by slug would be 404s
        String key = access.token() != null ? access.token() : p.slug();
        return new ProxyView(
                p.id().toString(),
                p.name(),
                p.slug(),
                p.sources().stream().map(Object::toString).toList(),
                p.epgSources().stream().map(Object::toString).toList(),
                p.filters().stream()
                        .map(f -> new ProxyFilterView(f.filterId().toString(), f.active()))
                        .toList(),
                p.mappingRules().stream()
                        .map(r -> new ProxyMappingRuleView(r.ruleId().toString(), r.active()))
                        .toList(),
                EnumParam.format(p.numbering().mode()),
                p.numbering().start(),
                p.numbering().blockSize(),
                EnumParam.format(p.deliveryMode()),
                p.relayProfile() == null ? null : p.relayProfile().toString(),
                o.includeChannelNumber(),
                o.groupTitleOverride(),
                o.urlTvgHeader(),
                o.cacheLogos(),
                o.deduplicateStreams(),
                o.epgDaysBack(),
                o.epgDaysAhead(),
                o.keepGuideExtras(),
                o.hdhomerun(),
                o.xtreamVod(),
                o.hdhomerunProfile() == null ? null : o.hdhomerunProfile().toString(),
                p.schedule(),
                "/proxy/" + key + ".m3u",
                "/proxy/" + key + ".xmltv",
                o.hdhomerun() ? "/hdhr/" + key : null,
                "/",
                List.copyOf(usernames),
                access,
                p.createdAt(),
                p.updatedAt());
    }
}
