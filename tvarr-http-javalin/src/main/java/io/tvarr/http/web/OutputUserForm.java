package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.account.port.in.UpdateOutputUserCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The output user form as typed, for adding a user and for changing one; never holds a stored password or hash, and a
 * refused form shows the typed password field empty again.
 */
public record OutputUserForm(String username, String password, String expiresAt, String maxConnections) {
    static final Set<String> FIELDS = Set.of("username", "password", "expires_at", "max_connections");

    static OutputUserForm empty() {
        return new OutputUserForm("", "", "", "1");
    }

    static OutputUserForm of(OutputUser user) {
        Instant expires = user.expiresAt();
        return new OutputUserForm(
                user.username(), "", expires == null ? "" : expires.toString(), String.valueOf(user.maxConnections()));
    }

    static OutputUserForm read(Context ctx) {
        return new OutputUserForm(
                param(ctx, "username"),
                param(ctx, "password"),
                param(ctx, "expires_at"),
                param(ctx, "max_connections"));
    }

    /** The form to show again after a refusal: the password is never echoed back into the page. */
    OutputUserForm withoutPassword() {
        return new OutputUserForm(username, "", expiresAt, maxConnections);
    }

    CreateOutputUserCommand toCreate() {
        return new CreateOutputUserCommand(username.strip(), password, parsedExpiry(), parsedLimit());
    }

    /** An empty password keeps the current one. */
    UpdateOutputUserCommand toUpdate() {
        return new UpdateOutputUserCommand(password.isEmpty() ? null : password, parsedExpiry(), parsedLimit());
    }

    private @Nullable Instant parsedExpiry() {
        String text = expiresAt.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            // a bare date is the start of that day in UTC, the zone every time on the pages is shown in
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("expires_at: '" + text
                    + "' (expected: a date like 2030-01-31, a UTC time like 2030-01-31T20:00:00Z, or empty for never)");
        }
    }

    private int parsedLimit() {
        try {
            return Integer.parseInt(maxConnections.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("max_connections: '" + maxConnections + "' (expected: a whole number 1-100)");
        }
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "OutputUserForm[username=" + username + ", password=****]";
    }
}
