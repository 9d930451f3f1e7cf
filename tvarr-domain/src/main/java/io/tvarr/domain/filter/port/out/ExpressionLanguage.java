package io.tvarr.domain.filter.port.out;

import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionField;
import io.tvarr.domain.filter.ExpressionProblem;
import java.util.List;
import java.util.Optional;

/**
 * The expression language as the use cases need it: validation, the field catalogue and trial runs on single
 * records. Thread-safe.
 */
public interface ExpressionLanguage {
    /** Empty when the expression is valid for the domain (a filter for filter domains, a rule for mapping ones). */
    Optional<ExpressionProblem> validate(ExpressionDomain domain, String expression);

    List<ExpressionField> fields(ExpressionDomain domain);

    /**
     * Compiles an expression of the domain once, to run it on records one at a time (previews).
     *
     * @throws io.tvarr.domain.filter.InvalidExpressionException when it is not valid for the domain, with the
     *     column
     */
    ExpressionTrial trial(ExpressionDomain domain, String expression);
}
