package io.tvarr.http.filter;

import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.http.EnumParam;

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
