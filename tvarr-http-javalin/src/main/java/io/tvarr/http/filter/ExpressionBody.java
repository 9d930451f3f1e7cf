package io.tvarr.http.filter;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.filter.ExpressionDomain;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An expression to check or try. */
record ExpressionBody(
        @OpenApiPropertyType(definedBy = ExpressionDomain.class) @OpenApiRequired @Nullable
        String domain,

        @OpenApiNullable @Nullable String expression,
        @OpenApiNullable @Nullable List<String> sourceIds,
        @OpenApiNullable @Nullable List<String> epgSourceIds,
        @OpenApiNullable @Nullable Integer samples) {}
