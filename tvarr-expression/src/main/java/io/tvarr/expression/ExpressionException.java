package io.tvarr.expression;

import io.tvarr.domain.ValidationException;

/**
 * The one failure parsing or validating an expression can raise. The message names the problem and its 1-based
 * column; {@link #caret()} shows the expression with a caret under that column.
 */
public final class ExpressionException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int column;
    private final String caret;

    public ExpressionException(String problem, int column, String expression) {
        super(problem + " at column " + column);
        this.problem = problem;
        this.column = column;
        this.caret = expression + "\n" + " ".repeat(Math.max(0, column - 1)) + "^";
    }

    /** The problem without the position. */
    public String problem() {
        return problem;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** The expression on one line and a caret under the column on the next. */
    public String caret() {
        return caret;
    }
}
