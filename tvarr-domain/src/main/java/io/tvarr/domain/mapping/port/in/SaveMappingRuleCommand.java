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

    /** An enabled rule over channels ({@code condition SET field = value, …}). */
    public static SaveMappingRuleCommand channels(String name, String expression) {
        return new SaveMappingRuleCommand(name, ExpressionDomain.STREAM_MAPPING, expression, true, false);
    }

    /** An enabled rule over programmes. */
    public static SaveMappingRuleCommand programmes(String name, String expression) {
        return new SaveMappingRuleCommand(name, ExpressionDomain.EPG_MAPPING, expression, true, false);
    }
}
