package io.tvarr.domain.filter.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.FilterAction;

/** What a user gives to create or change a filter. */
public record SaveFilterCommand(String name, ExpressionDomain domain, FilterAction action, String expression) {
    public SaveFilterCommand {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(domain, "domain");
        Checks.requireNonNull(action, "action");
        expression = Checks.requireNonNull(expression, "expression");
    }
}
