package io.tvarr.domain.filter;

/** Why an expression is invalid: the problem, its 1-based column, and the expression with a caret under it. */
public record ExpressionProblem(String message, int column, String caret) {}
