package io.tvarr.http.web;

import io.javalin.http.Context;
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
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.SourceId;
import io.tvarr.http.EnumParam;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the proxy form holds: the name, the sources, guides, filters and rules ticked (in the order listed),
 * numbering, delivery mode and relay profile, and the players' doors it opens (its HDHomeRun tuner and the tuner's
 * relay profile, VOD and series on its Xtream door). Field names are the domain's, so refusals land next to their field.
 */
public record ProxyForm(
        String name,
        List<String> sources,
        List<String> epgSources,
        List<String> filters,
        List<String> mappingRules,
        String numberingMode,
        String numberingStart,
        String numberingBlockSize,
        String deliveryMode,
        String relayProfile,
        List<String> filtersOff,
        List<String> mappingRulesOff,
        boolean doorsShown,
        boolean hdhomerun,
        boolean xtreamVod,
        String hdhomerunProfile) {
    static final Set<String> FIELDS = Set.of(
            "name",
            "sources",
            "epg_sources",
            "filters",
            "mapping_rules",
            "numbering",
            "numbering_mode",
            "numbering_start",
            "numbering_block_size",
            "delivery_mode",
            "relay_profile",
            "hdhomerun_profile");

    public ProxyForm {
        sources = List.copyOf(sources);
        epgSources = List.copyOf(epgSources);
        filters = List.copyOf(filters);
        mappingRules = List.copyOf(mappingRules);
        filtersOff = List.copyOf(filtersOff);
        mappingRulesOff = List.copyOf(mappingRulesOff);
    }

    static ProxyForm empty() {
        Numbering numbering = Numbering.DEFAULT;
        return new ProxyForm(
                "",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Shown.wire(numbering.mode()),
                Integer.toString(numbering.start()),
                Integer.toString(numbering.blockSize()),
                Shown.wire(DeliveryMode.REDIRECT),
                "",
                List.of(),
                List.of(),
                true,
                OutputSettings.DEFAULT.hdhomerun(),
                OutputSettings.DEFAULT.xtreamVod(),
                "");
    }

    static ProxyForm of(StreamProxy p) {
        return new ProxyForm(
                p.name(),
                p.sources().stream().map(Object::toString).toList(),
                p.epgSources().stream().map(Object::toString).toList(),
                p.filters().stream().map(f -> f.filterId().toString()).toList(),
                p.mappingRules().stream().map(r -> r.ruleId().toString()).toList(),
                Shown.wire(p.numbering().mode()),
                Integer.toString(p.numbering().start()),
                Integer.toString(p.numbering().blockSize()),
                Shown.wire(p.deliveryMode()),
                p.relayProfile() == null ? "" : p.relayProfile().toString(),
                p.filters().stream()
                        .filter(f -> !f.active())
                        .map(f -> f.filterId().toString())
                        .toList(),
                p.mappingRules().stream()
                        .filter(r -> !r.active())
                        .map(r -> r.ruleId().toString())
                        .toList(),
                true,
                p.output().hdhomerun(),
                p.output().xtreamVod(),
                p.output().hdhomerunProfile() == null
                        ? ""
                        : p.output().hdhomerunProfile().toString());
    }

    static ProxyForm read(Context ctx) {
        return new ProxyForm(
                orEmpty(ctx.formParam("name")),
                ctx.formParams("sources"),
                ctx.formParams("epg_sources"),
                ctx.formParams("filters"),
                ctx.formParams("mapping_rules"),
                orEmpty(ctx.formParam("numbering_mode")),
                orEmpty(ctx.formParam("numbering_start")),
                orEmpty(ctx.formParam("numbering_block_size")),
                orEmpty(ctx.formParam("delivery_mode")),
                orEmpty(ctx.formParam("relay_profile")),
                ctx.formParams("filters_off"),
                ctx.formParams("mapping_rules_off"),
                // a box left unticked sends nothing: only a form that showed the boxes may switch a door off
                ctx.formParam("doors") != null,
                ctx.formParam("hdhomerun") != null,
                ctx.formParam("xtream_vod") != null,
                orEmpty(ctx.formParam("hdhomerun_profile")));
    }

    /**
     * The command this form asks for, over what the form does not show of {@code stored} (slug, output settings,
     * schedule); a new proxy gets the defaults. A filter ticked in {@code filters_off} stays in the proxy, switched
     * off, and so does a rule ticked in {@code mapping_rules_off}. The lists keep the order the form sent them in, which the page's drag and drop (or its up/down buttons)
     * set.
     */
    SaveProxyCommand toCommand(@Nullable StreamProxy stored) {
        DeliveryMode delivery = EnumParam.parse(DeliveryMode.class, deliveryMode, "delivery_mode");
        return new SaveProxyCommand(
                name,
                stored == null ? null : stored.slug(),
                sources.stream().map(SourceId::parse).toList(),
                epgSources.stream().map(EpgSourceId::parse).toList(),
                filters.stream()
                        .map(id -> new ProxyFilter(FilterId.parse(id), !filtersOff.contains(id)))
                        .toList(),
                mappingRules.stream()
                        .map(id -> new ProxyMappingRule(MappingRuleId.parse(id), !mappingRulesOff.contains(id)))
                        .toList(),
                new Numbering(
                        EnumParam.parse(NumberingMode.class, numberingMode, "numbering_mode"),
                        number(numberingStart, "numbering_start"),
                        number(numberingBlockSize, "numbering_block_size")),
                delivery,
                relayProfile.isBlank() ? null : RelayProfileId.parse(relayProfile.trim()),
                doors(stored == null ? OutputSettings.DEFAULT : stored.output()),
                stored == null ? null : stored.schedule());
    }

    /** The players' doors as ticked, over the stored settings; a form without the doors changes none of them. */
    private OutputSettings doors(OutputSettings stored) {
        if (!doorsShown) {
            return stored;
        }
        return stored.withHdhomerun(hdhomerun)
                .withXtreamVod(xtreamVod)
                .withHdhomerunProfile(hdhomerunProfile.isBlank() ? null : profileId(hdhomerunProfile));
    }

    private static RelayProfileId profileId(String text) {
        try {
            return RelayProfileId.parse(text.trim());
        } catch (ValidationException e) {
            throw new ValidationException("hdhomerun_profile: '" + text + "' (expected: a relay profile)", e);
        }
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(field + ": '" + text + "' (expected: a whole number)");
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
