package io.tvarr.domain.mapping;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.ExpressionDomain;

/** A mapping rule: rules run in {@code position} order; a matching {@code stopOnMatch} rule ends the chain. */
public record DataMappingRule(
        MappingRuleId id,
        String name,
        ExpressionDomain domain,
        String expression,
        boolean enabled,
        int position,
        boolean stopOnMatch) {
    public DataMappingRule {
        Checks.requireNonNull(id, "id");
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(domain, "domain");
        if (domain.isFilter()) {
            throw new ValidationException("domain: " + domain + " (expected: stream_mapping or epg_mapping)");
        }
        expression = Checks.requireText(expression, "expression");
        Checks.requireRange(position, 0, Integer.MAX_VALUE, "position");
    }

    public DataMappingRule atPosition(int newPosition) {
        return new DataMappingRule(id, name, domain, expression, enabled, newPosition, stopOnMatch);
    }
}
