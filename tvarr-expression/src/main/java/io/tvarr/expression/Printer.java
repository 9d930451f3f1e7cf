package io.tvarr.expression;

import io.tvarr.expression.Ast.Action;
import io.tvarr.expression.Ast.Condition;
import io.tvarr.expression.Ast.Value;
import java.util.stream.Collectors;

/** Prints syntax trees in the canonical spelling; parsing the output gives the same tree back. */
final class Printer {
    private Printer() {}

    static String condition(Condition condition) {
        if (condition instanceof Ast.Constant c) {
            return Boolean.toString(c.value());
        }
        if (condition instanceof Ast.Not n) {
            return "NOT " + nested(n.inner());
        }
        if (condition instanceof Ast.And a) {
            return nested(a.left()) + " AND " + nested(a.right());
        }
        if (condition instanceof Ast.Or o) {
            return nested(o.left()) + " OR " + nested(o.right());
        }
        Ast.Comparison c = (Ast.Comparison) condition;
        return c.field().name() + " " + c.operator().keyword() + (c.caseSensitive() ? " case_sensitive " : " ")
                + value(c.value());
    }

    static String rule(Ast.Rule rule) {
        String actions = rule.actions().stream().map(Printer::action).collect(Collectors.joining(" "));
        return rule.condition() == null ? actions : condition(rule.condition()) + " " + actions;
    }

    private static String nested(Condition condition) {
        boolean binary = condition instanceof Ast.And || condition instanceof Ast.Or;
        return binary ? "(" + condition(condition) + ")" : condition(condition);
    }

    private static String action(Action action) {
        if (action.kind() == Ast.ActionKind.DELETE) {
            return "DELETE " + action.field().name();
        }
        return action.kind().keyword + " " + action.field().name() + " = " + value(action.value());
    }

    private static String value(Value value) {
        if (value instanceof Ast.Text t) {
            return "\""
                    + t.text()
                            .replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n")
                            .replace("\t", "\\t") + "\"";
        }
        if (value instanceof Ast.FieldRef f) {
            return "$" + f.field().name();
        }
        if (value instanceof Ast.Capture c) {
            return "$" + c.group();
        }
        return String.valueOf(Compiler.literal(value));
    }
}
