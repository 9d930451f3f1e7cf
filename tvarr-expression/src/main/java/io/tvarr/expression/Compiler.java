package io.tvarr.expression;

import io.tvarr.expression.Ast.Comparison;
import io.tvarr.expression.Ast.Condition;
import io.tvarr.expression.Ast.Value;
import org.jspecify.annotations.Nullable;

/** Turns syntax trees into evaluator trees, specialising the common literal comparisons. */
final class Compiler {
    private Compiler() {}

    static Check condition(Condition condition) {
        if (condition instanceof Ast.Constant c) {
            return c.value() ? (r, ctx) -> true : (r, ctx) -> false;
        }
        if (condition instanceof Ast.Not n) {
            Check inner = condition(n.inner());
            return (r, ctx) -> !inner.test(r, ctx);
        }
        if (condition instanceof Ast.And) {
            Check[] parts = chain(condition, Ast.And.class).stream()
                    .map(Compiler::condition)
                    .toArray(Check[]::new);
            return (r, ctx) -> {
                for (Check part : parts) {
                    if (!part.test(r, ctx)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (condition instanceof Ast.Or) {
            return or(chain(condition, Ast.Or.class));
        }
        return comparison((Comparison) condition);
    }

    /**
     * The operands of a chain of one operator ({@code a AND b AND c}), in reading order, found without recursion:
     * chains may hold a thousand conditions, and a tree that deep, compiled and evaluated recursively, overflowed the
     * stack of a cold JVM. What remains recursive is bounded by the parser's nesting limit.
     */
    private static java.util.List<Condition> chain(Condition top, Class<? extends Condition> operator) {
        java.util.ArrayDeque<Condition> operands = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Condition> pending = new java.util.ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            Condition next = pending.pop();
            if (operator.isInstance(next)) {
                // right first, so the left operand is taken (and added) first
                pending.push(next instanceof Ast.And a ? a.right() : ((Ast.Or) next).right());
                pending.push(next instanceof Ast.And a ? a.left() : ((Ast.Or) next).left());
            } else {
                operands.addLast(next);
            }
        }
        return java.util.List.copyOf(operands);
    }

    /** A failed branch must not leave its captures behind, so branches with regexes restore them. */
    private static Check or(java.util.List<Condition> operands) {
        Check[] parts = operands.stream().map(Compiler::condition).toArray(Check[]::new);
        boolean[] restores = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            restores[i] = usesRegex(operands.get(i));
        }
        return (r, ctx) -> {
            for (int i = 0; i < parts.length - 1; i++) {
                if (!restores[i]) {
                    if (parts[i].test(r, ctx)) {
                        return true;
                    }
                    continue;
                }
                var before = ctx.captures().snapshot();
                if (parts[i].test(r, ctx)) {
                    return true;
                }
                ctx.captures().restore(before);
            }
            return parts[parts.length - 1].test(r, ctx);
        };
    }

    private static boolean usesRegex(Condition condition) {
        if (condition instanceof Ast.Not n) {
            return usesRegex(n.inner());
        }
        if (condition instanceof Ast.And a) {
            return usesRegex(a.left()) || usesRegex(a.right());
        }
        if (condition instanceof Ast.Or o) {
            return usesRegex(o.left()) || usesRegex(o.right());
        }
        return condition instanceof Comparison c
                && (c.operator() == Operator.MATCHES || c.operator() == Operator.NOT_MATCHES);
    }

    private static Check comparison(Comparison c) {
        int field = c.field().index();
        boolean cs = c.caseSensitive();
        String literal = literal(c.value());
        if (literal != null) {
            return switch (c.operator()) {
                case EQUALS -> (r, ctx) -> Texts.equals(text(r, field), literal, cs);
                case NOT_EQUALS -> (r, ctx) -> !Texts.equals(text(r, field), literal, cs);
                case CONTAINS -> (r, ctx) -> Texts.contains(text(r, field), literal, cs);
                case NOT_CONTAINS -> (r, ctx) -> !Texts.contains(text(r, field), literal, cs);
                case STARTS_WITH -> (r, ctx) -> Texts.startsWith(text(r, field), literal, cs);
                case NOT_STARTS_WITH -> (r, ctx) -> !Texts.startsWith(text(r, field), literal, cs);
                case ENDS_WITH -> (r, ctx) -> Texts.endsWith(text(r, field), literal, cs);
                case NOT_ENDS_WITH -> (r, ctx) -> !Texts.endsWith(text(r, field), literal, cs);
                case MATCHES -> {
                    CompiledRegex regex = new CompiledRegex(literal, cs);
                    yield (r, ctx) -> regex.find(text(r, field), ctx, true);
                }
                case NOT_MATCHES -> {
                    CompiledRegex regex = new CompiledRegex(literal, cs);
                    yield (r, ctx) -> !regex.find(text(r, field), ctx, false);
                }
                default -> numeric(c, field, Double.parseDouble(literal));
            };
        }
        Value value = c.value();
        return (r, ctx) -> dynamic(c, text(r, field), resolve(value, r, ctx), ctx);
    }

    private static Check numeric(Comparison c, int field, double right) {
        Operator op = c.operator();
        String name = c.field().name();
        return (r, ctx) -> {
            double left;
            try {
                left = Double.parseDouble(text(r, field).strip());
            } catch (NumberFormatException e) {
                ctx.error(name + " '" + text(r, field) + "' is not a number for '" + op.keyword() + "'");
                return false;
            }
            return compare(op, left, right);
        };
    }

    /** Comparisons against another field or a capture: resolved per record. */
    private static boolean dynamic(Comparison c, String left, String right, EvaluationContext ctx) {
        boolean cs = c.caseSensitive();
        return switch (c.operator()) {
            case EQUALS -> Texts.equals(left, right, cs);
            case NOT_EQUALS -> !Texts.equals(left, right, cs);
            case CONTAINS -> Texts.contains(left, right, cs);
            case NOT_CONTAINS -> !Texts.contains(left, right, cs);
            case STARTS_WITH -> Texts.startsWith(left, right, cs);
            case NOT_STARTS_WITH -> !Texts.startsWith(left, right, cs);
            case ENDS_WITH -> Texts.endsWith(left, right, cs);
            case NOT_ENDS_WITH -> !Texts.endsWith(left, right, cs);
            case MATCHES, NOT_MATCHES -> {
                try {
                    boolean found = new CompiledRegex(right, cs).find(left, ctx, c.operator() == Operator.MATCHES);
                    yield c.operator() == Operator.MATCHES ? found : !found;
                } catch (java.util.regex.PatternSyntaxException e) {
                    ctx.error("'" + right + "' is not a valid regex: " + e.getDescription());
                    yield false;
                }
            }
            default -> {
                try {
                    yield compare(c.operator(), Double.parseDouble(left.strip()), Double.parseDouble(right.strip()));
                } catch (NumberFormatException e) {
                    ctx.error("'" + left + "' or '" + right + "' is not a number for '"
                            + c.operator().keyword() + "'");
                    yield false;
                }
            }
        };
    }

    private static boolean compare(Operator op, double left, double right) {
        return switch (op) {
            case GREATER_THAN -> left > right;
            case GREATER_THAN_OR_EQUAL -> left >= right;
            case LESS_THAN -> left < right;
            case LESS_THAN_OR_EQUAL -> left <= right;
            default -> throw new IllegalArgumentException(op + " is not numeric");
        };
    }

    static @Nullable String literal(Value value) {
        if (value instanceof Ast.Text t) {
            return t.text();
        }
        if (value instanceof Ast.Number n) {
            return n.text();
        }
        if (value instanceof Ast.Bool b) {
            return Boolean.toString(b.value());
        }
        return null;
    }

    static String resolve(Value value, FieldValues record, EvaluationContext context) {
        if (value instanceof Ast.FieldRef f) {
            return text(record, f.field().index());
        }
        if (value instanceof Ast.Capture c) {
            return context.captures().group(c.group());
        }
        if (value instanceof Ast.Text t) {
            return t.text().indexOf('$') < 0 ? t.text() : interpolate(t.text(), context);
        }
        return String.valueOf(literal(value));
    }

    /** Replaces $1..$9 inside a string with the captures of the condition. */
    private static String interpolate(String text, EvaluationContext context) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                out.append(context.captures().group(text.charAt(++i) - '0'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String text(FieldValues record, int field) {
        String value = record.get(field);
        return value == null ? "" : value;
    }
}
