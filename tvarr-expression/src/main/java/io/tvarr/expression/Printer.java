package io.tvarr.expression;

import io.tvarr.expression.Ast.Action;
import io.tvarr.expression.Ast.Condition;
import io.tvarr.expression.Ast.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/** Prints syntax trees in the canonical spelling; parsing the output gives the same tree back. */
final class Printer {
    private Printer() {}

    /**
     * Walks the tree with a work stack instead of recursion: an AND/OR chain may hold a thousand conditions, and a
     * recursive printer overflowed the stack of a cold JVM (string concatenation links itself on first use, deep).
     */
    static String condition(Condition root) {
        StringBuilder out = new StringBuilder();
        Deque<Object> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Object next = work.pop();
            if (next instanceof String text) {
                out.append(text);
            } else if (next instanceof Ast.Constant c) {
                out.append(c.value());
            } else if (next instanceof Ast.Not n) {
                pushNested(work, n.inner());
                work.push("NOT ");
            } else if (next instanceof Ast.And a) {
                pushNested(work, a.right());
                work.push(" AND ");
                pushNested(work, a.left());
            } else if (next instanceof Ast.Or o) {
                pushNested(work, o.right());
                work.push(" OR ");
                pushNested(work, o.left());
            } else {
                Ast.Comparison c = (Ast.Comparison) next;
                out.append(c.field().name())
                        .append(' ')
                        .append(c.operator().keyword())
                        .append(c.caseSensitive() ? " case_sensitive " : " ")
                        .append(value(c.value()));
            }
        }
        return out.toString();
    }

    /** A binary condition inside another is printed in parentheses; the stack pops them in reading order. */
    private static void pushNested(Deque<Object> work, Condition condition) {
        if (condition instanceof Ast.And || condition instanceof Ast.Or) {
            work.push(")");
            work.push(condition);
            work.push("(");
        } else {
            work.push(condition);
        }
    }

    static String rule(Ast.Rule rule) {
        String actions = rule.actions().stream().map(Printer::action).collect(Collectors.joining(" "));
        return rule.condition() == null ? actions : condition(rule.condition()) + " " + actions;
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
