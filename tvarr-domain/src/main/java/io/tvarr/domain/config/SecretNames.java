package io.tvarr.domain.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How export names the environment variables that stand for secrets: {@code TVARR_<KIND>_<NAME>_<FIELD>}, the
 * entity's name in upper case with every run of other characters than letters and digits as one {@code _}. So the
 * password of the source "My Provider" is {@code ${TVARR_SOURCE_MY_PROVIDER_PASSWORD}}, a guide URL with credentials
 * {@code ${TVARR_GUIDE_<NAME>_URL}}, a proxy's output token {@code ${TVARR_PROXY_<NAME>_TOKEN}}.
 */
public final class SecretNames {
    /** A reference: {@code ${NAME}}, NAME of letters, digits and {@code _}, not starting with a digit. */
    public static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private SecretNames() {}

    /** {@code ${TVARR_SOURCE_MY_PROVIDER_PASSWORD}} for ("source", "My Provider", "password"). */
    public static String reference(String kind, String entityName, String field) {
        return "${" + variable(kind, entityName, field) + "}";
    }

    public static String variable(String kind, String entityName, String field) {
        return ("TVARR_" + word(kind) + "_" + word(entityName) + "_" + word(field));
    }

    /** Whether the text holds at least one reference. */
    public static boolean holdsReference(String text) {
        return REFERENCE.matcher(text).find();
    }

    private static String word(String text) {
        String upper = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        Matcher edges = Pattern.compile("^_+|_+$").matcher(upper);
        String trimmed = edges.replaceAll("");
        return trimmed.isEmpty() ? "X" : trimmed;
    }
}
