package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.admin.ApiKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A key as listed: never its secret. */
record ApiKeyView(
        String id,
        String name,
        @OpenApiDescription("read or admin") String scope,
        String createdBy,
        Instant createdAt,
        @OpenApiNullable @Nullable Instant lastUsedAt) {
    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(
                key.id().toString(),
                key.name(),
                key.scope().wireName(),
                key.createdBy(),
                key.createdAt(),
                key.lastUsedAt());
    }
}
