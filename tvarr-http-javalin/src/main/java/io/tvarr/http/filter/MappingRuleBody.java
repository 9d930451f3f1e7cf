package io.tvarr.http.filter;

import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.http.EnumParam;
import org.jspecify.annotations.Nullable;

/** A mapping rule as the API reads it; enabled defaults to true, stopOnMatch to false. */
record MappingRuleBody(
        @OpenApiRequired @Nullable String name,

        @OpenApiPropertyType(definedBy = MappingDomain.class) @OpenApiRequired @Nullable
        String domain,

        @OpenApiNullable @Nullable String expression,
        @OpenApiNullable @Nullable Boolean enabled,
        @OpenApiNullable @Nullable Boolean stopOnMatch) {
    @OpenApiIgnore
    SaveMappingRuleCommand toCommand() {
        return new SaveMappingRuleCommand(
                name == null ? "" : name,
                EnumParam.parse(ExpressionDomain.class, domain, "domain"),
                expression == null ? "" : expression,
                enabled == null || enabled,
                stopOnMatch != null && stopOnMatch);
    }
}
