package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import io.tvarr.domain.filter.ExpressionDomain;

/** A mapping rule by name; its place in the document's list is its place in the chain. */
public record MappingRuleConfig(
        String name, ExpressionDomain domain, String expression, boolean enabled, boolean stopOnMatch) {
    public MappingRuleConfig {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(domain, "domain");
        expression = Checks.requireText(expression, "expression");
    }
}
