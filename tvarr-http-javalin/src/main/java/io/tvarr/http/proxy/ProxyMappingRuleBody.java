package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** A mapping rule attached to a proxy; {@code active} defaults to true, false switches it off for this proxy only. */
record ProxyMappingRuleBody(
        @OpenApiRequired @Nullable String ruleId,
        @OpenApiNullable @Nullable Boolean active) {}
