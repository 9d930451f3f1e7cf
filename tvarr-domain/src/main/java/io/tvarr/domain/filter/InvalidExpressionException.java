package io.tvarr.domain.filter;

import io.tvarr.domain.ValidationException;

/** An expression that does not parse or validate; carries the 1-based column and a caret line. */
public final class InvalidExpressionException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final ExpressionProblem problem;

    public InvalidExpressionException(String field, ExpressionProblem problem) {
        super(field + ": " + problem.message() + " at column " + problem.column());
        this.problem = problem;
    }

    public ExpressionProblem problem() {
        return problem;
    }
}
