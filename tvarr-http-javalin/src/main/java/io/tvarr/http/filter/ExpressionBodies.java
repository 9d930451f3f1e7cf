package io.tvarr.http.filter;

import io.tvarr.domain.filter.ExpressionProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An expression to check or try. */
record ExpressionBody(
        @Nullable String domain,
        @Nullable String expression,
        @Nullable List<String> sourceIds,
        @Nullable List<String> epgSourceIds,
        @Nullable Integer samples) {}

/** The verdict on an expression. */
record ValidationView(boolean valid, List<ExpressionProblem> errors) {}
