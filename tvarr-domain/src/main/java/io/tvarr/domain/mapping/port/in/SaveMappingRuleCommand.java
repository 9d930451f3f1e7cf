package io.tvarr.domain.mapping.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.filter.ExpressionDomain;

/** What a user gives to create or change a mapping rule; the position is managed by reordering. */
public record SaveMappingRuleCommand(
        String name, ExpressionDomain domain, String expression, boolean enabled, boolean stopOnMatch) {
    public SaveMappingRuleCommand {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(domain, "domain");
        expression = Checks.requireText(expression, "expression");
    }
}
