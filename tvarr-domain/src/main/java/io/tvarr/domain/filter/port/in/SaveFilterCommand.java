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

    /** Keeps only the channels the expression matches. */
    public static SaveFilterCommand includeChannels(String name, String expression) {
        return new SaveFilterCommand(name, ExpressionDomain.STREAM_FILTER, FilterAction.INCLUDE, expression);
    }

    /** Drops the channels the expression matches. */
    public static SaveFilterCommand excludeChannels(String name, String expression) {
        return new SaveFilterCommand(name, ExpressionDomain.STREAM_FILTER, FilterAction.EXCLUDE, expression);
    }

    /** Keeps only the programmes the expression matches. */
    public static SaveFilterCommand includeProgrammes(String name, String expression) {
        return new SaveFilterCommand(name, ExpressionDomain.EPG_FILTER, FilterAction.INCLUDE, expression);
    }

    /** Drops the programmes the expression matches. */
    public static SaveFilterCommand excludeProgrammes(String name, String expression) {
        return new SaveFilterCommand(name, ExpressionDomain.EPG_FILTER, FilterAction.EXCLUDE, expression);
    }
}
