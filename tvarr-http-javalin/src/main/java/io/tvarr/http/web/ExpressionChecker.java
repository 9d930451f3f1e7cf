package io.tvarr.http.web;

import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionProblem;
import io.tvarr.domain.filter.port.in.CheckExpressionUseCase;
import io.tvarr.domain.filter.port.in.PreviewExpressionUseCase;
import io.tvarr.domain.filter.port.in.PreviewQuery;
import io.tvarr.domain.filter.port.in.PreviewResult;
import java.util.List;
import java.util.Optional;

/** Checks an expression being typed and, when it is valid, previews it over every stored channel or programme. */
final class ExpressionChecker {
    private static final int SAMPLES = 10;

    private final CheckExpressionUseCase expressions;
    private final PreviewExpressionUseCase preview;

    ExpressionChecker(CheckExpressionUseCase expressions, PreviewExpressionUseCase preview) {
        this.expressions = expressions;
        this.preview = preview;
    }

    ExpressionCheck check(ExpressionDomain domain, String expression) {
        if (expression.isBlank()) {
            return new ExpressionCheck(expression, null, null);
        }
        Optional<ExpressionProblem> problem = expressions.validate(domain, expression);
        if (problem.isPresent()) {
            return new ExpressionCheck(expression, problem.get(), null);
        }
        PreviewResult result = preview.preview(new PreviewQuery(domain, expression, List.of(), List.of(), SAMPLES));
        return new ExpressionCheck(expression, null, result);
    }

    CheckExpressionUseCase expressions() {
        return expressions;
    }
}
