package io.tvarr.ingest.xtream;

import io.tvarr.domain.PlainText;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Coerces the loosely typed fields panels send (numbers as strings or floats, flags as 1, "1" or true) and
 * cleans their text, so a wrongly typed value is either read as what it means or refused, never stored as sent.
 */
final class XtreamValues {
    private static final Pattern INTEGER = Pattern.compile("[+]?(\\d{1,18})(?:\\.0*)?");

    private XtreamValues() {}

    /** A whole number such as "12", 12, "12.0" or " +12 " as its digits; null for anything else. */
    static @Nullable String integer(@Nullable String value) {
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher matcher = INTEGER.matcher(value.strip());
        return matcher.matches() ? matcher.group(1).replaceFirst("^0+(?=\\d)", "") : null;
    }

    /** 1, "1" and true (any case) are set; everything else, missing included, is not. */
    static boolean flag(@Nullable String value) {
        if (value == null) {
            return false;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        return text.equals("1") || text.equals("true");
    }

    /** The text on one line and stripped; "" when missing. */
    static String text(@Nullable String value) {
        return value == null ? "" : PlainText.singleLine(value).strip();
    }

    /** The text on one line and stripped; null when missing or blank. */
    static @Nullable String optional(@Nullable String value) {
        String text = text(value);
        return text.isEmpty() ? null : text;
    }

    /** A description: line breaks kept, stripped; "" when missing. */
    static String multiLine(@Nullable String value) {
        return value == null ? "" : PlainText.multiLine(value).strip();
    }

    /** At most 40 characters of a value for an error message. */
    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
