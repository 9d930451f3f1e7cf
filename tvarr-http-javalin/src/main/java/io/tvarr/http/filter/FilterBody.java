package io.tvarr.http.filter;

import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.http.EnumParam;
import org.jspecify.annotations.Nullable;

/** A filter as the API reads it. */
record FilterBody(
        @OpenApiRequired @Nullable String name,

        @OpenApiPropertyType(definedBy = FilterDomain.class) @OpenApiRequired @Nullable
        String domain,

        @OpenApiPropertyType(definedBy = FilterAction.class) @OpenApiRequired @Nullable
        String action,

        @OpenApiNullable @Nullable String expression) {
    @OpenApiIgnore
    SaveFilterCommand toCommand() {
        return new SaveFilterCommand(
                name == null ? "" : name,
                EnumParam.parse(ExpressionDomain.class, domain, "domain"),
                EnumParam.parse(FilterAction.class, action, "action"),
                expression == null ? "" : expression);
    }
}
