package io.tvarr.http;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;

/** Reads numeric query parameters with messages that name the parameter. */
public final class QueryParams {
    private QueryParams() {}

    public static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name + ": '" + value + "' (expected: a whole number)");
        }
    }
}
