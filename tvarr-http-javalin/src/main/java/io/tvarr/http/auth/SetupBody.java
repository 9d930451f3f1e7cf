package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** The first admin user, made with the one-time token from the console's setup link. */
record SetupBody(
        @OpenApiDescription("the token of the setup link printed at first start") @OpenApiRequired @Nullable
        String token,

        @OpenApiRequired @Nullable String username,

        @OpenApiDescription("8-256 characters; only its hash is kept") @OpenApiRequired @Nullable
        String password) {
    @Override
    public String toString() {
        return "SetupBody[token=***, username=" + username + ", password=***]";
    }
}
