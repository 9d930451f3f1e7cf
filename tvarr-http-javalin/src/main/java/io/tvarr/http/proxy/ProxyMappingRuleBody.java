package io.tvarr.http.proxy;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** A mapping rule attached to a proxy; {@code active} defaults to true, false switches it off for this proxy only. */
record ProxyMappingRuleBody(
        @OpenApiRequired @Nullable String ruleId,
        @OpenApiNullable @Nullable Boolean active) {

    /** A rule's id alone, as the API took rules before they could be switched off: attached and switched on. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ProxyMappingRuleBody ofId(String ruleId) {
        return new ProxyMappingRuleBody(ruleId, null);
    }
}
