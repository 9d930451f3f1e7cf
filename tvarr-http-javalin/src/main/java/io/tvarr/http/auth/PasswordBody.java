package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** A new password. */
record PasswordBody(
        @OpenApiDescription("8-256 characters; only its hash is kept") @OpenApiRequired @Nullable
        String password) {
    @Override
    public String toString() {
        return "PasswordBody[password=***]";
    }
}
