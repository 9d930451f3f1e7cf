package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.FilterAction;

/** A filter by name. */
public record FilterConfig(String name, ExpressionDomain domain, FilterAction action, String expression) {
    public FilterConfig {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(domain, "domain");
        Checks.requireNonNull(action, "action");
        expression = Checks.requireNonNull(expression, "expression").strip();
    }
}
