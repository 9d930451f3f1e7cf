package io.tvarr.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the value types; each failure names the field and what was expected. */
public final class Checks {
    private Checks() {}

    public static String requireText(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + ": must not be blank");
        }
        return value.strip();
    }

    public static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static int requireRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new ValidationException(field + ": " + value + " (expected: " + min + "-" + max + ")");
        }
        return value;
    }

    public static <T> T requireNonNull(@Nullable T value, String field) {
        if (value == null) {
            throw new ValidationException(field + ": must be given");
        }
        return value;
    }

    /** Parses an absolute http(s) or file URL; other schemes are refused because tvarr fetches them. */
    public static URI requireFetchableUrl(@Nullable String value, String field) {
        String text = requireText(value, field);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ValidationException(field + ": '" + text + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw new ValidationException(
                    field + ": '" + Redaction.redactUrl(text) + "' (expected: an http, https or file URL)");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isBlank())) {
            throw new ValidationException(field + ": '" + Redaction.redactUrl(text) + "' has no host");
        }
        return uri;
    }
}
