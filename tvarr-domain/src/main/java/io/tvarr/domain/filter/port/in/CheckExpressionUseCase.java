package io.tvarr.domain.filter.port.in;

import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionField;
import io.tvarr.domain.filter.ExpressionProblem;
import java.util.List;
import java.util.Optional;

/** Lets users try expressions before saving them. */
public interface CheckExpressionUseCase {
    Optional<ExpressionProblem> validate(ExpressionDomain domain, String expression);

    List<ExpressionField> fields(ExpressionDomain domain);
}
