package io.tvarr.http.filter;

import io.tvarr.domain.filter.ExpressionProblem;
import java.util.List;

/** The verdict on an expression. */
record ValidationView(boolean valid, List<ExpressionProblem> errors) {}
