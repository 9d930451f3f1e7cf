package io.tvarr.domain;

import java.util.List;

/**
 * Masks credentials in text that may reach logs or API clients: the user info of URLs, credential query
 * parameters, the account segments of Xtream stream paths and output tokens naming a proxy in {@code /proxy/} and
 * {@code /hdhr/} paths, wherever they appear in the text. Each pass is one
 * linear scan, so a hostile 100k-character URL costs microseconds, not minutes (regular expressions backtracked).
 */
public final class Redaction {
    private static final String MASK = "***";
    private static final List<String> SECRET_PARAMETERS =
            List.of("username", "password", "user", "pass", "token", "key", "auth");
    private static final List<String> XTREAM_SEGMENTS = List.of("live", "movie", "series", "timeshift");
    private static final List<String> OUTPUT_PREFIXES = List.of("/proxy/", "/hdhr/");
    /** Output tokens have at least 32 URL-safe characters; ids (36, with dashes) and short slugs stay readable. */
    private static final int MIN_TOKEN = 32;

    private Redaction() {}

    /** Returns the text with user info, credential query parameters and Xtream path credentials masked. */
    public static String redactUrl(String text) {
        return outputTokens(xtreamPaths(queryParameters(userInfo(text))));
    }

    /** {@code /proxy/{token}.m3u} becomes {@code /proxy/***.m3u}; the same under {@code /hdhr/}. */
    private static String outputTokens(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = text.indexOf('/'); i >= 0 && i < text.length(); i = text.indexOf('/', i + 1)) {
            int start = outputSegmentAt(text, i);
            if (start < 0) {
                continue;
            }
            int end = start;
            while (end < text.length() && isUrlSafe(text.charAt(end))) {
                end++;
            }
            if (end - start >= MIN_TOKEN && !isUuid(text, start, end)) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, start).append(MASK);
                copied = end;
            }
            i = Math.max(i, end - 1);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static int outputSegmentAt(String text, int slash) {
        for (String prefix : OUTPUT_PREFIXES) {
            if (text.startsWith(prefix, slash)) {
                return slash + prefix.length();
            }
        }
        return -1;
    }

    private static boolean isUrlSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isUuid(String text, int start, int end) {
        if (end - start != 36) {
            return false;
        }
        for (int i = start; i < end; i++) {
            int at = i - start;
            char c = text.charAt(i);
            boolean dash = at == 8 || at == 13 || at == 18 || at == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code scheme://user:pass@host} becomes {@code scheme://***@host}; the last '@' of the authority counts. */
    private static String userInfo(String text) {
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        int separator;
        while ((separator = text.indexOf("://", from)) >= 0) {
            int authority = separator + 3;
            int end = authority;
            int at = -1;
            while (end < text.length() && !endsAuthority(text.charAt(end))) {
                if (text.charAt(end) == '@') {
                    at = end;
                }
                end++;
            }
            if (at > authority && separator > 0 && Character.isLetterOrDigit(text.charAt(separator - 1))) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, authority).append(MASK);
                copied = at;
            }
            from = Math.max(end, authority);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#' || Character.isWhitespace(c);
    }

    /** {@code ?password=x&type=m3u} becomes {@code ?password=***&type=m3u}; names match in any case. */
    private static String queryParameters(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int value = c == '?' || c == '&' ? secretValueAt(text, i + 1) : -1;
            if (value < 0) {
                i++;
                continue;
            }
            int end = value;
            while (end < text.length() && !endsValue(text.charAt(end))) {
                end++;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, value).append(MASK);
            copied = end;
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where the value starts when a secret parameter's name and '=' start at {@code name}; else -1. */
    private static int secretValueAt(String text, int name) {
        for (String parameter : SECRET_PARAMETERS) {
            int equals = name + parameter.length();
            if (equals < text.length()
                    && text.charAt(equals) == '='
                    && text.regionMatches(true, name, parameter, 0, parameter.length())) {
                return equals + 1;
            }
        }
        return -1;
    }

    private static boolean endsValue(char c) {
        return c == '&' || c == '#' || Character.isWhitespace(c);
    }

    /** {@code /live/user/pass/1.ts} becomes {@code /live/***}{@code /***}{@code /1.ts} (also movie, series, timeshift). */
    private static String xtreamPaths(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int account = text.charAt(i) == '/' ? xtreamAccountAt(text, i + 1) : -1;
            int password = account < 0 ? -1 : segmentEnd(text, account);
            int end = password < 0 ? -1 : segmentEnd(text, password + 1);
            if (end < 0) {
                i++;
                continue;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, account)
                    .append(MASK)
                    .append('/')
                    .append(MASK)
                    .append('/');
            copied = end + 1;
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where the account segment starts when a stream-kind segment and '/' start at {@code segment}; else -1. */
    private static int xtreamAccountAt(String text, int segment) {
        for (String kind : XTREAM_SEGMENTS) {
            int slash = segment + kind.length();
            if (slash < text.length()
                    && text.charAt(slash) == '/'
                    && text.regionMatches(true, segment, kind, 0, kind.length())) {
                return slash + 1;
            }
        }
        return -1;
    }

    /** The index of the '/' that ends a non-empty segment starting at {@code start}, or -1 if none does. */
    private static int segmentEnd(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '/' && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end > start && end < text.length() && text.charAt(end) == '/' ? end : -1;
    }
}
