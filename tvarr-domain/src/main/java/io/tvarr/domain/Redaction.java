package io.tvarr.domain;

import java.util.regex.Pattern;

/** Masks credentials in text that may reach logs or API clients. */
public final class Redaction {
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern QUERY_SECRET =
            Pattern.compile("(?i)([?&](?:username|password|user|pass|token|key|auth)=)[^&#\\s]*");
    private static final Pattern XTREAM_PATH =
            Pattern.compile("(?i)(/(?:live|movie|series|timeshift)/)[^/\\s]+/[^/\\s]+/");

    private Redaction() {}

    /** Returns the URL with user info, credential query parameters and Xtream path credentials masked. */
    public static String redactUrl(String url) {
        String masked = USER_INFO.matcher(url).replaceAll("$1***@");
        masked = QUERY_SECRET.matcher(masked).replaceAll("$1***");
        return XTREAM_PATH.matcher(masked).replaceAll("$1***/***/");
    }
}
