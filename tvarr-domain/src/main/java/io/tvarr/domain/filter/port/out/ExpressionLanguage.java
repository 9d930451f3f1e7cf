package io.tvarr.domain.filter.port.out;

import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionField;
import io.tvarr.domain.filter.ExpressionProblem;
import java.util.List;
import java.util.Optional;

/** The expression language as the use cases need it: validation and the field catalogue. Thread-safe. */
public interface ExpressionLanguage {
    /** Empty when the expression is valid for the domain (a filter for filter domains, a rule for mapping ones). */
    Optional<ExpressionProblem> validate(ExpressionDomain domain, String expression);

    List<ExpressionField> fields(ExpressionDomain domain);
}
