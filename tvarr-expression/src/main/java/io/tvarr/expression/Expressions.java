package io.tvarr.expression;

import io.tvarr.domain.filter.ExpressionDomain;
import java.util.Optional;

/** Entry point: parse, validate and compile filters and mapping rules. */
public final class Expressions {
    private Expressions() {}

    /**
     * Compiles a filter condition for a channel or programme domain; an empty expression matches everything.
     *
     * @throws ExpressionException with the column when the expression is invalid
     */
    public static CompiledFilter filter(ExpressionDomain domain, String expression) {
        Ast.Condition condition = new Parser(expression, FieldRegistry.of(domain)).condition();
        return new CompiledFilter(Compiler.condition(condition), Printer.condition(condition));
    }

    /**
     * Compiles a mapping rule.
     *
     * @throws ExpressionException with the column when the rule is invalid
     */
    public static CompiledRule rule(ExpressionDomain domain, String expression) {
        Ast.Rule rule = new Parser(expression, FieldRegistry.of(domain)).rule();
        Check condition = rule.condition() == null ? null : Compiler.condition(rule.condition());
        return new CompiledRule(condition, new Actions(rule.actions()), Printer.rule(rule));
    }

    /** Checks an expression of a domain (filters for filter domains, rules for mapping domains). */
    public static Optional<ExpressionException> validate(ExpressionDomain domain, String expression) {
        try {
            if (domain.isFilter()) {
                filter(domain, expression);
            } else {
                rule(domain, expression);
            }
            return Optional.empty();
        } catch (ExpressionException e) {
            return Optional.of(e);
        }
    }
}
