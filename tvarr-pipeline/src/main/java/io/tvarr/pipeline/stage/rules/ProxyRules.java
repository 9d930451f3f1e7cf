package io.tvarr.pipeline.stage.rules;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.expression.CompiledFilter;
import io.tvarr.expression.ExpressionException;
import io.tvarr.expression.Expressions;
import io.tvarr.expression.FilterSet;
import io.tvarr.expression.RuleChain;
import io.tvarr.pipeline.stage.overrides.ChannelOverrides;
import java.util.ArrayList;
import java.util.List;

/**
 * A proxy's active filters and enabled mapping rules, compiled, split by what they apply to (channels or
 * programmes). An expression that no longer compiles fails the generation with the filter's or rule's name.
 */
public record ProxyRules(
        RuleChain channelMapping,
        FilterSet channelFilters,
        RuleChain guideMapping,
        FilterSet guideFilters,
        ChannelOverrides overrides) {

    public ProxyRules(
            RuleChain channelMapping, FilterSet channelFilters, RuleChain guideMapping, FilterSet guideFilters) {
        this(channelMapping, channelFilters, guideMapping, guideFilters, ChannelOverrides.NONE);
    }

    /** The same rules with the user's channel overrides, applied after the channel mapping. */
    public ProxyRules withOverrides(ChannelOverrides hand) {
        return new ProxyRules(channelMapping, channelFilters, guideMapping, guideFilters, hand);
    }

    /** @param filters the proxy's active filters in order; @param rules its mapping rules in order */
    public static ProxyRules compile(List<Filter> filters, List<DataMappingRule> rules) {
        return new ProxyRules(
                chain(rules, ExpressionDomain.STREAM_MAPPING),
                filterSet(filters, ExpressionDomain.STREAM_FILTER),
                chain(rules, ExpressionDomain.EPG_MAPPING),
                filterSet(filters, ExpressionDomain.EPG_FILTER));
    }

    private static RuleChain chain(List<DataMappingRule> rules, ExpressionDomain domain) {
        List<RuleChain.Link> links = new ArrayList<>();
        for (DataMappingRule rule : rules) {
            if (rule.enabled() && rule.domain() == domain) {
                try {
                    links.add(new RuleChain.Link(Expressions.rule(domain, rule.expression()), rule.stopOnMatch()));
                } catch (ExpressionException e) {
                    throw new ValidationException("mapping rule '" + rule.name() + "': " + e.getMessage(), e);
                }
            }
        }
        return new RuleChain(links);
    }

    private static FilterSet filterSet(List<Filter> filters, ExpressionDomain domain) {
        List<CompiledFilter> includes = new ArrayList<>();
        List<CompiledFilter> excludes = new ArrayList<>();
        for (Filter filter : filters) {
            if (filter.domain() != domain) {
                continue;
            }
            CompiledFilter compiled;
            try {
                compiled = Expressions.filter(domain, filter.expression());
            } catch (ExpressionException e) {
                throw new ValidationException("filter '" + filter.name() + "': " + e.getMessage(), e);
            }
            (filter.action() == FilterAction.INCLUDE ? includes : excludes).add(compiled);
        }
        return new FilterSet(includes, excludes);
    }
}
