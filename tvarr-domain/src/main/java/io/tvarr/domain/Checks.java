package io.tvarr.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the value types; each failure names the field and what was expected. */
public final class Checks {
    /** Longer names help nobody and end up in every playlist line and log entry. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Far beyond any real provider URL (with credentials and tokens); HTTP servers refuse longer request lines. */
    public static final int MAX_URL_LENGTH = 8 * 1024;
    /** User-Agent strings of real players stay under a few hundred characters. */
    public static final int MAX_USER_AGENT_LENGTH = 512;

    private Checks() {}

    public static String requireText(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + ": must not be blank");
        }
        return value.strip();
    }

    /** Refuses text longer than {@code max} characters, naming the length found. */
    public static @Nullable String requireMaxLength(@Nullable String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new ValidationException(
                    field + ": " + value.length() + " characters (expected: at most " + max + ")");
        }
        return value;
    }

    /**
     * Refuses line breaks and other control characters in text that ends up in an HTTP header or a playlist line,
     * where a CR/LF would start a new header or entry.
     */
    public static @Nullable String requireOneLine(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ValidationException(field + ": control character (such as a line break) at position "
                        + (i + 1) + " (expected: one line of text)");
            }
        }
        return value;
    }

    /** Refuses a list longer than {@code max}, before anything is done with its elements. */
    public static <T> java.util.List<T> requireMaxSize(java.util.List<T> values, int max, String field) {
        if (values.size() > max) {
            throw new ValidationException(field + ": " + values.size() + " entries (expected: at most " + max + ")");
        }
        return java.util.List.copyOf(values);
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
        requireMaxLength(text, MAX_URL_LENGTH, field);
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
