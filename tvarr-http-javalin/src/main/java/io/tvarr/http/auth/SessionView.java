package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.admin.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Who the caller is and, for a browser session, the CSRF token its changes must echo. */
record SessionView(
        @OpenApiDescription("user, api_key or system") String kind,
        String name,
        @OpenApiDescription("read or admin") String scope,

        @OpenApiDescription("send it back as X-CSRF-Token with every change made with the session cookie")
        @OpenApiNullable
        @Nullable
        String csrfToken,

        @OpenApiNullable @Nullable Instant expiresAt) {
    static SessionView of(Actor actor, @Nullable String csrfToken, @Nullable Instant expiresAt) {
        return new SessionView(
                actor.kind().name().toLowerCase(java.util.Locale.ROOT),
                actor.name(),
                actor.scope().wireName(),
                csrfToken,
                expiresAt);
    }
}
