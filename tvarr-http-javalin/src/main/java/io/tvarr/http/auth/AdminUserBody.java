package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** A new admin user. */
record AdminUserBody(
        @OpenApiDescription("1-64 letters, digits, '.', '_', '@' or '-'") @OpenApiRequired @Nullable
        String username,

        @OpenApiDescription("8-256 characters; only its hash is kept") @OpenApiRequired @Nullable
        String password) {
    @Override
    public String toString() {
        return "AdminUserBody[username=" + username + ", password=***]";
    }
}
