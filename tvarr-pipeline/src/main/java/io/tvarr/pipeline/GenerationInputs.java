package io.tvarr.pipeline;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.pipeline.stage.overrides.ChannelOverrides;
import io.tvarr.pipeline.stage.rules.ProxyRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a generation reads before its passes: the proxy's enabled sources and guides in its order, its rules
 * compiled, and the channels the user added to it by hand. A source or guide that is gone or disabled is skipped with a warning; a filter or mapping rule that is
 * gone fails the generation, since the output would show what the user excluded.
 */
record GenerationInputs(
        List<StreamSource> sources, List<EpgSource> guides, ProxyRules rules, List<ManualChannel> manual) {
    GenerationInputs {
        sources = List.copyOf(sources);
        guides = List.copyOf(guides);
        manual = List.copyOf(manual);
    }

    /** Loads the proxy's inputs from {@code stores}, warning in {@code report} of what it skips. */
    static GenerationInputs load(StreamProxy proxy, PipelineInputs stores, GenerationReportBuilder report) {
        List<StreamSource> sources = sources(proxy, stores, report);
        List<EpgSource> guides = guides(proxy, stores, report);
        List<ManualChannel> manual = stores.manualChannels().findAllByProxy(proxy.id());
        List<ChannelOverride> overrides =
                stores.overrides() == null ? List.of() : stores.overrides().findAllByProxy(proxy.id());
        ProxyRules rules = stores.overrides() == null && manual.isEmpty()
                ? compiledRules(proxy, stores)
                : compiledRules(proxy, stores)
                        .withOverrides(new ChannelOverrides(withManualNumbers(overrides, manual)));
        return new GenerationInputs(sources, guides, rules, manual);
    }

    /**
     * The overrides with each manual channel's number pinned as an override's would be, so numbering keeps it and
     * gives it to no other channel; an override of the manual channel that sets a number of its own wins.
     */
    private static List<ChannelOverride> withManualNumbers(
            List<ChannelOverride> overrides, List<ManualChannel> manual) {
        Map<ChannelId, ChannelOverride> byChannel = new LinkedHashMap<>();
        overrides.forEach(o -> byChannel.put(o.channel(), o));
        for (ManualChannel channel : manual) {
            Integer number = channel.number();
            if (number == null) {
                continue;
            }
            ChannelOverride set = byChannel.get(channel.id());
            if (set == null) {
                byChannel.put(
                        channel.id(),
                        new ChannelOverride(
                                channel.proxy(),
                                channel.id(),
                                null,
                                number,
                                null,
                                null,
                                null,
                                false,
                                channel.updatedAt()));
            } else if (set.number() == null) {
                byChannel.put(
                        channel.id(),
                        new ChannelOverride(
                                set.proxy(),
                                set.channel(),
                                set.name(),
                                number,
                                set.group(),
                                set.logoUrl(),
                                set.tvgId(),
                                set.hidden(),
                                set.updatedAt()));
            }
        }
        return new ArrayList<>(byChannel.values());
    }

    /** The proxy's active filters and mapping rules as they are now, compiled. */
    static ProxyRules compiledRules(StreamProxy proxy, PipelineInputs stores) {
        return ProxyRules.compile(filters(proxy, stores), rules(proxy, stores));
    }

    private static List<StreamSource> sources(
            StreamProxy proxy, PipelineInputs stores, GenerationReportBuilder report) {
        List<StreamSource> sources = new ArrayList<>();
        for (SourceId id : proxy.sources()) {
            Optional<StreamSource> source = stores.sources().findById(id);
            if (source.isEmpty()) {
                report.warn("source " + id + " no longer exists; skipped");
            } else if (!source.get().enabled()) {
                report.warn("source '" + source.get().name() + "' is disabled; skipped");
            } else {
                sources.add(source.get());
            }
        }
        return sources;
    }

    private static List<EpgSource> guides(StreamProxy proxy, PipelineInputs stores, GenerationReportBuilder report) {
        List<EpgSource> guides = new ArrayList<>();
        for (EpgSourceId id : proxy.epgSources()) {
            Optional<EpgSource> guide = stores.epgSources().findById(id);
            if (guide.isEmpty()) {
                report.warn("EPG source " + id + " no longer exists; skipped");
            } else if (!guide.get().enabled()) {
                report.warn("EPG source '" + guide.get().name() + "' is disabled; skipped");
            } else {
                guides.add(guide.get());
            }
        }
        return guides;
    }

    private static List<Filter> filters(StreamProxy proxy, PipelineInputs stores) {
        List<Filter> filters = new ArrayList<>();
        for (ProxyFilter attached : proxy.filters()) {
            if (attached.active()) {
                filters.add(stores.filters()
                        .findById(attached.filterId())
                        .orElseThrow(() -> new NotFoundException("filter " + attached.filterId() + ": not found")));
            }
        }
        return filters;
    }

    private static List<DataMappingRule> rules(StreamProxy proxy, PipelineInputs stores) {
        List<DataMappingRule> rules = new ArrayList<>();
        for (ProxyMappingRule attached : proxy.mappingRules()) {
            // a rule switched off for this proxy stays attached but changes nothing, as a filter switched off
            if (attached.active()) {
                MappingRuleId id = attached.ruleId();
                rules.add(stores.rules()
                        .findById(id)
                        .orElseThrow(() -> new NotFoundException("mapping rule " + id + ": not found")));
            }
        }
        return rules;
    }
}
