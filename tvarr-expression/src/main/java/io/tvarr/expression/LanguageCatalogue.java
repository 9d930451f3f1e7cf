package io.tvarr.expression;

import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionField;
import io.tvarr.domain.filter.ExpressionProblem;
import io.tvarr.domain.filter.InvalidExpressionException;
import io.tvarr.domain.filter.port.out.ExpressionLanguage;
import io.tvarr.domain.filter.port.out.ExpressionTrial;
import java.util.List;
import java.util.Optional;

/** This module offered to the domain as its {@link ExpressionLanguage} port. */
public final class LanguageCatalogue implements ExpressionLanguage {
    @Override
    public Optional<ExpressionProblem> validate(ExpressionDomain domain, String expression) {
        return Expressions.validate(domain, expression)
                .map(e -> new ExpressionProblem(e.problem(), e.column(), e.caret()));
    }

    @Override
    public ExpressionTrial trial(ExpressionDomain domain, String expression) {
        try {
            return new RecordTrial(domain, expression);
        } catch (ExpressionException e) {
            throw new InvalidExpressionException(
                    "expression", new ExpressionProblem(e.problem(), e.column(), e.caret()));
        }
    }

    @Override
    public List<ExpressionField> fields(ExpressionDomain domain) {
        return FieldRegistry.of(domain).fields().stream()
                .map(f -> new ExpressionField(f.name(), f.aliases(), f.readOnly()))
                .toList();
    }
}
