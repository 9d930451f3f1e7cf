package io.tvarr.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text that may reach logs or API clients: the user info of URLs, credential parameters
 * (after {@code ?}, {@code &}, and in JDBC URLs {@code ;} and {@code (…)}) and the account segments of Xtream stream
 * paths, wherever they appear in the text, also URL-encoded inside another URL ({@code %3A%2F%2F}, {@code %40},
 * {@code %3F}, {@code %3D}…). Each pass is one linear scan, so a hostile 100k-character URL costs microseconds, not
 * minutes (regular expressions backtracked). Output tokens naming a proxy in {@code /proxy/} and {@code /hdhr/}
 * paths are masked too.
 */
public final class Redaction {
    private static final String MASK = "***";
    private static final List<String> SECRET_PARAMETERS =
            List.of("username", "user", "pass", "pwd", "key", "auth", "sig", "signature");
    /** Names ending so are secrets too: {@code access_token}, {@code x-api-key}, {@code client_secret}. */
    private static final List<String> SECRET_SUFFIXES =
            List.of("password", "passwd", "token", "secret", "apikey", "_key", "-key");

    private static final List<String> XTREAM_SEGMENTS = List.of("live", "movie", "series", "timeshift");
    private static final String ESCAPED_DELIMITERS = ":/?&=@#;";
    private static final List<String> OUTPUT_PREFIXES = List.of("/proxy/", "/hdhr/");
    /** Output tokens have at least 32 URL-safe characters; ids (36, with dashes) and short slugs stay readable. */
    private static final int MIN_TOKEN = 32;

    private Redaction() {}

    /** Returns the text with user info, credential parameters and Xtream path credentials masked. */
    public static String redactUrl(String text) {
        return outputTokens(xtreamPaths(parameters(userInfo(text))));
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
        Masked out = new Masked(text);
        int i = 0;
        while (i < text.length()) {
            boolean escaped = text.charAt(i) == '%';
            int authority = afterSchemeSeparator(text, i, escaped);
            if (authority < 0) {
                i++;
                continue;
            }
            int end = authority;
            int at = -1;
            while (end < text.length() && !endsAuthority(at(text, end, escaped), escaped)) {
                at = at(text, end, escaped) == '@' ? end : at;
                end += step(text, end, escaped);
            }
            if (at > authority && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                out.mask(authority, at);
            }
            i = Math.max(end, authority);
        }
        return out.text();
    }

    /** Where the authority starts when "://" (plain, or escaped if so asked) starts at {@code i}; else -1. */
    private static int afterSchemeSeparator(String text, int i, boolean escaped) {
        int slash = i + step(text, i, escaped);
        int second = slash < text.length() ? slash + step(text, slash, escaped) : text.length();
        boolean separator = second < text.length()
                && at(text, i, escaped) == ':'
                && at(text, slash, escaped) == '/'
                && at(text, second, escaped) == '/';
        return separator ? second + step(text, second, escaped) : -1;
    }

    /** In escaped text, a plain '&' is the end of the parameter that holds the URL. */
    private static boolean endsAuthority(char c, boolean escaped) {
        return c == '/' || c == '?' || c == '#' || (escaped && c == '&') || cannotBeInUrl(c);
    }

    /** Characters a URL never holds unescaped: where one stands, the URL (and a value in it) has ended. */
    private static boolean cannotBeInUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '<' || c == '>' || c == '\\';
    }

    /** {@code ?password=x&type=m3u} becomes {@code ?password=***&type=m3u}; names match in any case. */
    private static String parameters(String text) {
        Masked out = new Masked(text);
        int i = 0;
        while (i < text.length()) {
            boolean escaped = text.charAt(i) == '%';
            char opener = at(text, i, escaped);
            i += step(text, i, escaped);
            if (opener != '?' && opener != '&' && opener != ';' && opener != '(') {
                continue;
            }
            int name = i;
            while (i < text.length() && !endsName(at(text, i, escaped))) {
                i += step(text, i, escaped);
            }
            if (i >= text.length() || at(text, i, escaped) != '=') {
                continue;
            }
            int equals = i;
            i += step(text, i, escaped);
            int value = i;
            if (!isSecret(text, name, equals)) {
                continue;
            }
            while (i < text.length() && !endsValue(at(text, i, escaped), opener) && !endsSentence(text, i)) {
                i += step(text, i, escaped);
            }
            out.mask(value, i);
        }
        return out.text();
    }

    private static boolean endsName(char c) {
        return c == '=' || c == '&' || c == '?' || c == ';' || c == '(' || c == ')' || c == '#' || cannotBeInUrl(c);
    }

    /** A query value ends at '&'; a JDBC one also at the ';' or ')' that the parameter started with. */
    private static boolean endsValue(char c, char opener) {
        return c == '&' || c == '#' || (opener == ';' && c == ';') || (opener == '(' && c == ')') || cannotBeInUrl(c);
    }

    /** Punctuation before a space or the end belongs to the text around the URL ("GET http://h?pass=x: 401"). */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        boolean punctuation = c == ':' || c == ',' || c == '.' || c == ';' || c == ')';
        return punctuation && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    private static boolean isSecret(String text, int from, int to) {
        int length = to - from;
        for (String name : SECRET_PARAMETERS) {
            if (length == name.length() && text.regionMatches(true, from, name, 0, length)) {
                return true;
            }
        }
        for (String suffix : SECRET_SUFFIXES) {
            if (length >= suffix.length()
                    && text.regionMatches(true, to - suffix.length(), suffix, 0, suffix.length())) {
                return true;
            }
        }
        return false;
    }

    /** {@code /live/user/pass/1.ts} becomes {@code /live/***}{@code /***}{@code /1.ts} (also movie, series, timeshift). */
    private static String xtreamPaths(String text) {
        Masked out = new Masked(text);
        int i = 0;
        while (i < text.length()) {
            boolean escaped = text.charAt(i) == '%';
            int account = at(text, i, escaped) == '/' ? xtreamAccountAt(text, i + step(text, i, escaped), escaped) : -1;
            int accountEnd = account < 0 ? -1 : segmentEnd(text, account, escaped);
            int password = accountEnd < 0 ? -1 : accountEnd + step(text, accountEnd, escaped);
            int passwordEnd = password < 0 ? -1 : segmentEnd(text, password, escaped);
            if (passwordEnd < 0) {
                i++;
                continue;
            }
            out.mask(account, accountEnd);
            out.mask(password, passwordEnd);
            i = passwordEnd;
        }
        return out.text();
    }

    /** Where the account segment starts when a stream-kind segment and '/' start at {@code segment}; else -1. */
    private static int xtreamAccountAt(String text, int segment, boolean escaped) {
        for (String kind : XTREAM_SEGMENTS) {
            int slash = segment + kind.length();
            if (slash < text.length()
                    && at(text, slash, escaped) == '/'
                    && text.regionMatches(true, segment, kind, 0, kind.length())) {
                return slash + step(text, slash, escaped);
            }
        }
        return -1;
    }

    /** The index of the '/' that ends a non-empty segment starting at {@code start}, or -1 if none does. */
    private static int segmentEnd(String text, int start, boolean escaped) {
        int end = start;
        while (end < text.length() && at(text, end, escaped) != '/' && !cannotBeInUrl(text.charAt(end))) {
            end += step(text, end, escaped);
        }
        return end > start && end < text.length() && at(text, end, escaped) == '/' ? end : -1;
    }

    /**
     * The character at {@code i}; in escaped text (a URL inside another URL's parameter), the delimiter a {@code %XX}
     * escape stands for. Escaping is decided by the delimiter a construct starts with: in a plain URL, {@code %2F}
     * is part of a password, not its end.
     */
    private static char at(String text, int i, boolean escaped) {
        char c = text.charAt(i);
        if (escaped && c == '%' && i + 2 < text.length()) {
            int high = Character.digit(text.charAt(i + 1), 16);
            int low = Character.digit(text.charAt(i + 2), 16);
            if (high >= 0 && low >= 0 && ESCAPED_DELIMITERS.indexOf(high * 16 + low) >= 0) {
                return (char) (high * 16 + low);
            }
        }
        return c;
    }

    private static int step(String text, int i, boolean escaped) {
        return escaped && text.charAt(i) == '%' && at(text, i, true) != '%' ? 3 : 1;
    }

    /** The text with ranges replaced by the mask, built only when something is masked; ranges come in order. */
    private static final class Masked {
        private final String text;
        private @Nullable StringBuilder out;
        private int copied;

        Masked(String text) {
            this.text = text;
        }

        void mask(int from, int to) {
            StringBuilder masked = out == null ? new StringBuilder(text.length()) : out;
            masked.append(text, copied, from).append(MASK);
            out = masked;
            copied = to;
        }

        String text() {
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }
    }
}
