package io.tvarr.http;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import java.util.Locale;

/** Reads numeric and true/false query parameters with messages that name the parameter. */
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

    /** {@code true} or {@code false} (any case); the fallback when the parameter is absent or empty. */
    public static boolean bool(Context ctx, String name, boolean fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name + ": '" + value + "' (expected: true or false)");
        };
    }
}
