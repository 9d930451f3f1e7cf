package io.tvarr.http.filter;

import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.http.EnumParam;
import java.util.List;
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

/** A mapping rule as the API shows it. */
record MappingRuleView(
        String id,
        String name,

        @OpenApiPropertyType(definedBy = MappingDomain.class)
        String domain,

        String expression,
        boolean enabled,
        int position,
        boolean stopOnMatch) {
    static MappingRuleView of(DataMappingRule r) {
        return new MappingRuleView(
                r.id().toString(),
                r.name(),
                EnumParam.format(r.domain()),
                r.expression(),
                r.enabled(),
                r.position(),
                r.stopOnMatch());
    }
}

/** The new order of every mapping rule. */
record ReorderBody(@OpenApiNullable @Nullable List<String> order) {}
