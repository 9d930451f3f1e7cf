package io.tvarr.domain.filter.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionField;
import io.tvarr.domain.filter.ExpressionProblem;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.filter.InvalidExpressionException;
import io.tvarr.domain.filter.port.in.CheckExpressionUseCase;
import io.tvarr.domain.filter.port.in.ManageFiltersUseCase;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.domain.filter.port.out.ExpressionLanguage;
import io.tvarr.domain.filter.port.out.FilterRepository;
import java.util.List;
import java.util.Optional;

/** Filter management; nothing invalid is ever stored. */
public final class FilterService implements ManageFiltersUseCase, CheckExpressionUseCase {
    private final FilterRepository filters;
    private final ExpressionLanguage language;

    public FilterService(FilterRepository filters, ExpressionLanguage language) {
        this.filters = filters;
        this.language = language;
    }

    @Override
    public Filter create(SaveFilterCommand command) {
        Filter filter = build(FilterId.random(), command);
        filters.insert(filter);
        return filter;
    }

    @Override
    public Filter update(FilterId id, SaveFilterCommand command) {
        Filter filter = build(id, command);
        filters.update(filter);
        return filter;
    }

    @Override
    public void delete(FilterId id) {
        if (!filters.delete(id)) {
            throw new NotFoundException("filter " + id + ": not found");
        }
    }

    @Override
    public Filter get(FilterId id) {
        return filters.findById(id).orElseThrow(() -> new NotFoundException("filter " + id + ": not found"));
    }

    @Override
    public List<Filter> list() {
        return filters.findAll();
    }

    @Override
    public Optional<ExpressionProblem> validate(ExpressionDomain domain, String expression) {
        return language.validate(domain, expression);
    }

    @Override
    public List<ExpressionField> fields(ExpressionDomain domain) {
        return language.fields(domain);
    }

    private Filter build(FilterId id, SaveFilterCommand command) {
        Filter filter = new Filter(id, command.name(), command.domain(), command.action(), command.expression());
        language.validate(filter.domain(), filter.expression()).ifPresent(problem -> {
            throw new InvalidExpressionException("expression", problem);
        });
        return filter;
    }
}
