package io.tvarr.expression;

/** A parsed and compiled filter condition. Immutable and thread-safe; pass each thread its own context. */
public final class CompiledFilter {
    private final Check check;
    private final String canonical;

    CompiledFilter(Check check, String canonical) {
        this.check = check;
        this.canonical = canonical;
    }

    public boolean matches(FieldValues record, EvaluationContext context) {
        return check.test(record, context);
    }

    /** The expression in canonical spelling. */
    @Override
    public String toString() {
        return canonical;
    }
}
