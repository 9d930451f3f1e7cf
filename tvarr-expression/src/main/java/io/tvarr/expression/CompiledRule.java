package io.tvarr.expression;

import org.jspecify.annotations.Nullable;

/** A parsed and compiled mapping rule. Immutable and thread-safe; pass each thread its own context. */
public final class CompiledRule {
    private final @Nullable Check condition;
    private final Actions actions;
    private final String canonical;

    CompiledRule(@Nullable Check condition, Actions actions, String canonical) {
        this.condition = condition;
        this.actions = actions;
        this.canonical = canonical;
    }

    /** Applies the actions when the condition holds; returns whether it held. */
    public boolean apply(FieldValues record, EvaluationContext context) {
        context.captures().clear();
        if (condition != null && !condition.test(record, context)) {
            return false;
        }
        actions.apply(record, context);
        return true;
    }

    /** The rule in canonical spelling. */
    @Override
    public String toString() {
        return canonical;
    }
}
