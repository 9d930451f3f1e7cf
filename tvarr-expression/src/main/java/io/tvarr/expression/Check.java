package io.tvarr.expression;

/** A compiled condition. Implementations hold no per-evaluation state; the context carries it. */
@FunctionalInterface
interface Check {
    boolean test(FieldValues record, EvaluationContext context);
}
