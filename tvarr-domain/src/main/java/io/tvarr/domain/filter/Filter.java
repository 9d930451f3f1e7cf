package io.tvarr.domain.filter;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;

/** A named include/exclude rule; the expression is validated by the expression module before saving. */
public record Filter(FilterId id, String name, ExpressionDomain domain, FilterAction action, String expression) {
    public Filter {
        Checks.requireNonNull(id, "id");
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(domain, "domain");
        if (!domain.isFilter()) {
            throw new ValidationException("domain: " + domain + " (expected: stream_filter or epg_filter)");
        }
        Checks.requireNonNull(action, "action");
        expression = Checks.requireNonNull(expression, "expression").strip();
    }
}
