package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** A filter attached to a proxy; {@code active} defaults to true. */
record ProxyFilterBody(
        @OpenApiRequired @Nullable String filterId,
        @OpenApiNullable @Nullable Boolean active) {}
