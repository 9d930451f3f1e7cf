package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.admin.ApiScope;

/** A key to make: a name people recognise it by and what it may do. */
public record CreateApiKeyCommand(String name, ApiScope scope) {
    public CreateApiKeyCommand {
        name = Checks.requireText(Checks.requireOneLine(Checks.requireMaxLength(name, 100, "name"), "name"), "name");
        Checks.requireNonNull(scope, "scope");
    }
}
