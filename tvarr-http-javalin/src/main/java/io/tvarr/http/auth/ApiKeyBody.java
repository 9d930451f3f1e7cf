package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.admin.ApiScope;
import io.tvarr.domain.admin.port.in.CreateApiKeyCommand;
import org.jspecify.annotations.Nullable;

/** A key to make. */
record ApiKeyBody(
        @OpenApiDescription("what the key is for, up to 100 characters") @OpenApiRequired @Nullable
        String name,

        @OpenApiDescription("read (look only) or admin (also change)") @OpenApiRequired @Nullable
        String scope) {
    @io.javalin.openapi.OpenApiIgnore
    CreateApiKeyCommand toCommand() {
        if (scope == null) {
            throw new ValidationException("scope: missing (expected: read or admin)");
        }
        return new CreateApiKeyCommand(name, ApiScope.parse(scope));
    }
}
