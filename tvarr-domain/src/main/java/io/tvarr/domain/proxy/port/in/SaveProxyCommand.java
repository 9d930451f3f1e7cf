package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.SourceId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What a user gives to create or change a proxy; a null slug is derived from the name. */
public record SaveProxyCommand(
        String name,
        @Nullable String slug,
        List<SourceId> sources,
        List<EpgSourceId> epgSources,
        List<ProxyFilter> filters,
        List<ProxyMappingRule> mappingRules,
        Numbering numbering,
        DeliveryMode deliveryMode,
        @Nullable RelayProfileId relayProfile,
        OutputSettings output,
        @Nullable String schedule) {
    /** Sources, guides, filters or rules per proxy; real lineups use a handful of each. */
    public static final int MAX_ENTRIES = 1000;

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public SaveProxyCommand {
        name = Checks.requireText(name, "name");
        Checks.requireMaxLength(name, Checks.MAX_NAME_LENGTH, "name");
        slug = Checks.blankToNull(slug);
        if (slug != null && UUID_SHAPE.matcher(slug).matches()) {
            // outputs are found by id first, so such a slug could name another proxy's outputs
            throw new ValidationException("slug: '" + slug + "' has the shape of a proxy id (expected: a name)");
        }
        // each entry is looked up in the store: bound the lists before any lookup
        sources = Checks.requireMaxSize(sources, MAX_ENTRIES, "sources");
        epgSources = Checks.requireMaxSize(epgSources, MAX_ENTRIES, "epg_sources");
        filters = Checks.requireMaxSize(filters, MAX_ENTRIES, "filters");
        mappingRules = Checks.requireMaxSize(mappingRules, MAX_ENTRIES, "mapping_rules");
        Checks.requireNonNull(numbering, "numbering");
        Checks.requireNonNull(deliveryMode, "delivery_mode");
        Checks.requireNonNull(output, "output");
    }

    /**
     * A proxy with nothing attached yet: numbering kept from the sources, players redirected to the upstream,
     * default output settings, regenerated only when an input is refreshed.
     */
    public static SaveProxyCommand named(String name) {
        return new SaveProxyCommand(
                name,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Numbering.DEFAULT,
                DeliveryMode.REDIRECT,
                null,
                OutputSettings.DEFAULT,
                null);
    }

    /** The same proxy over these channel sources, in this order (earlier sources win duplicates). */
    public SaveProxyCommand withSources(SourceId... ids) {
        return new SaveProxyCommand(
                name,
                slug,
                List.of(ids),
                epgSources,
                filters,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                output,
                schedule);
    }

    /** The same proxy with these guides, in order of preference. */
    public SaveProxyCommand withGuides(EpgSourceId... ids) {
        return new SaveProxyCommand(
                name,
                slug,
                sources,
                List.of(ids),
                filters,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                output,
                schedule);
    }

    /** The same proxy with these filters attached and active, applied in order. */
    public SaveProxyCommand withFilters(FilterId... ids) {
        List<ProxyFilter> active =
                Arrays.stream(ids).map(id -> new ProxyFilter(id, true)).toList();
        return new SaveProxyCommand(
                name,
                slug,
                sources,
                epgSources,
                active,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                output,
                schedule);
    }

    /** The same proxy with these mapping rules attached (they apply in their global order). */
    public SaveProxyCommand withMappingRules(MappingRuleId... ids) {
        return new SaveProxyCommand(
                name,
                slug,
                sources,
                epgSources,
                filters,
                Arrays.stream(ids).map(ProxyMappingRule::on).toList(),
                numbering,
                deliveryMode,
                relayProfile,
                output,
                schedule);
    }

    /** The same proxy numbering its channels this way. */
    public SaveProxyCommand withNumbering(Numbering how) {
        return new SaveProxyCommand(
                name,
                slug,
                sources,
                epgSources,
                filters,
                mappingRules,
                how,
                deliveryMode,
                relayProfile,
                output,
                schedule);
    }

    /** The same proxy delivering streams this way, with a relay profile when the mode runs FFmpeg. */
    public SaveProxyCommand withDelivery(DeliveryMode mode, @Nullable RelayProfileId profile) {
        return new SaveProxyCommand(
                name, slug, sources, epgSources, filters, mappingRules, numbering, mode, profile, output, schedule);
    }

    /** The same proxy writing its outputs with these settings. */
    public SaveProxyCommand withOutput(OutputSettings settings) {
        return new SaveProxyCommand(
                name,
                slug,
                sources,
                epgSources,
                filters,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                settings,
                schedule);
    }

    /** The same proxy regenerated on a cron schedule too, or only on refresh when null. */
    public SaveProxyCommand withSchedule(@Nullable String cron) {
        return new SaveProxyCommand(
                name,
                slug,
                sources,
                epgSources,
                filters,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                output,
                cron);
    }
}
