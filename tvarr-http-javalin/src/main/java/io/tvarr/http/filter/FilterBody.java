package io.tvarr.http.filter;

import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.http.EnumParam;
import org.jspecify.annotations.Nullable;

/** A filter as the API reads it. */
record FilterBody(
        @Nullable String name,
        @Nullable String domain,
        @Nullable String action,
        @Nullable String expression) {
    SaveFilterCommand toCommand() {
        return new SaveFilterCommand(
                name == null ? "" : name,
                EnumParam.parse(ExpressionDomain.class, domain, "domain"),
                EnumParam.parse(FilterAction.class, action, "action"),
                expression == null ? "" : expression);
    }
}

/** A filter as the API shows it. */
record FilterView(String id, String name, String domain, String action, String expression) {
    static FilterView of(Filter f) {
        return new FilterView(
                f.id().toString(),
                f.name(),
                EnumParam.format(f.domain()),
                EnumParam.format(f.action()),
                f.expression());
    }
}
