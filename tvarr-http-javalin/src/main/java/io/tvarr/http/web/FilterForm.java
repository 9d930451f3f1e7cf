package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.http.EnumParam;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the filter editor holds; field names are the domain's, so refusals land next to their field. */
public record FilterForm(String name, String domain, String action, String expression) {
    static final Set<String> FIELDS = Set.of("name", "domain", "action", "expression");

    static FilterForm empty() {
        return new FilterForm("", Shown.wire(ExpressionDomain.STREAM_FILTER), Shown.wire(FilterAction.EXCLUDE), "");
    }

    static FilterForm of(Filter filter) {
        return new FilterForm(
                filter.name(), Shown.wire(filter.domain()), Shown.wire(filter.action()), filter.expression());
    }

    static FilterForm read(Context ctx) {
        return new FilterForm(
                orEmpty(ctx.formParam("name")),
                orEmpty(ctx.formParam("domain")),
                orEmpty(ctx.formParam("action")),
                orEmpty(ctx.formParam("expression")));
    }

    /** The fields of the editor's check, sent as query parameters. */
    static FilterForm query(Context ctx) {
        return new FilterForm(
                orEmpty(ctx.queryParam("name")),
                orEmpty(ctx.queryParam("domain")),
                orEmpty(ctx.queryParam("action")),
                orEmpty(ctx.queryParam("expression")));
    }

    /** The domain, which must be one a filter takes: stream_filter or epg_filter. */
    ExpressionDomain parsedDomain() {
        ExpressionDomain parsed = EnumParam.parse(ExpressionDomain.class, domain, "domain");
        if (!parsed.isFilter()) {
            throw new io.tvarr.domain.ValidationException(
                    "domain: '" + domain + "' (expected: stream_filter or epg_filter)");
        }
        return parsed;
    }

    SaveFilterCommand toCommand() {
        return new SaveFilterCommand(
                name, parsedDomain(), EnumParam.parse(FilterAction.class, action, "action"), expression);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
