package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** A login through the API. */
record LoginBody(
        @OpenApiRequired @Nullable String username,
        @OpenApiRequired @Nullable String password) {
    @Override
    public String toString() {
        return "LoginBody[username=" + username + ", password=***]";
    }
}
