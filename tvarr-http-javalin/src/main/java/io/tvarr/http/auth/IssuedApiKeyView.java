package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.tvarr.domain.admin.IssuedApiKey;
import java.time.Instant;

/** A key just made: the only answer that ever carries its full value. */
record IssuedApiKeyView(
        String id,
        String name,
        String scope,
        Instant createdAt,

        @OpenApiDescription("send as 'Authorization: Bearer <token>'; shown this once, stored only as a digest")
        String token) {
    static IssuedApiKeyView of(IssuedApiKey issued) {
        return new IssuedApiKeyView(
                issued.key().id().toString(),
                issued.key().name(),
                issued.key().scope().wireName(),
                issued.key().createdAt(),
                issued.token());
    }

    @Override
    public String toString() {
        return "IssuedApiKeyView[id=" + id + ", token=***]";
    }
}
