package io.tvarr.domain.config;

import java.util.List;

/**
 * Every setting a user made, by name. Lists are in the order they are written: mapping rules in the order they
 * apply, the rest by name on export. {@code warnings} tells what an export left out (a setting it cannot name in a
 * way another instance would understand); a document read from a file has none.
 */
public record ConfigDocument(
        List<SourceConfig> sources,
        List<GuideConfig> guides,
        List<FilterConfig> filters,
        List<MappingRuleConfig> mappingRules,
        List<RelayProfileConfig> relayProfiles,
        List<ProxyConfig> proxies,
        List<String> warnings) {
    public static final ConfigDocument EMPTY =
            new ConfigDocument(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** A document without warnings. */
    public ConfigDocument(
            List<SourceConfig> sources,
            List<GuideConfig> guides,
            List<FilterConfig> filters,
            List<MappingRuleConfig> mappingRules,
            List<RelayProfileConfig> relayProfiles,
            List<ProxyConfig> proxies) {
        this(sources, guides, filters, mappingRules, relayProfiles, proxies, List.of());
    }

    public ConfigDocument {
        sources = List.copyOf(sources);
        guides = List.copyOf(guides);
        filters = List.copyOf(filters);
        mappingRules = List.copyOf(mappingRules);
        relayProfiles = List.copyOf(relayProfiles);
        proxies = List.copyOf(proxies);
        warnings = List.copyOf(warnings);
    }
}
