package io.tvarr.expression;

import org.jspecify.annotations.Nullable;

/**
 * Per-thread scratch state of an evaluation: regex captures and evaluation errors (non-numeric values under a
 * numeric operator, regex budgets). Reuse one per thread; it is not thread-safe.
 */
public final class EvaluationContext {
    private final Captures captures = new Captures();
    private long errors;
    private @Nullable String firstError;

    Captures captures() {
        return captures;
    }

    void error(String message) {
        errors++;
        if (firstError == null) {
            firstError = message;
        }
    }

    /** How many evaluation errors happened so far. */
    public long errors() {
        return errors;
    }

    /** The first evaluation error, for reports. */
    public @Nullable String firstError() {
        return firstError;
    }
}
