package io.tvarr.ingest.m3u;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The part of a stream URL that names the channel rather than the account or the server: the path, and the query
 * parameters that are no credential, sorted. Left out: scheme, user info, host (CDNs rotate hosts), fragment,
 * credential parameters (tokens, signatures, expiry times) and the user and password segments of Xtream paths
 * ({@code /live/user/pass/1234.ts}, {@code /user/pass/1234}). A URL without a path (multicast) keeps its address.
 */
final class StreamLocation {
    private static final Set<String> VOLATILE_PARAMETERS = Set.of(
            "token",
            "username",
            "user",
            "password",
            "pass",
            "pwd",
            "key",
            "auth",
            "sig",
            "signature",
            "hash",
            "expires",
            "expiry",
            "exp",
            "e",
            "st",
            "ts",
            "t",
            "session",
            "sessionid",
            "sid",
            "wmsauthsign",
            "hdnts",
            "policy",
            "key-pair-id",
            "acl",
            "nonce",
            "ttl");

    private StreamLocation() {}

    static String stablePart(String url) {
        int fragment = url.indexOf('#');
        String text = fragment < 0 ? url : url.substring(0, fragment);
        int query = text.indexOf('?');
        String base = query < 0 ? text : text.substring(0, query);
        String parameters = query < 0 ? "" : kept(text.substring(query + 1));
        int scheme = base.indexOf("://");
        String rest = scheme < 0 ? base : base.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        String located = path.length() <= 1 ? withoutUserInfo(authority) : accountFree(path);
        return parameters.isEmpty() ? located : located + "?" + parameters;
    }

    /**
     * In {@code /<kind>/<user>/<password>/<id>} (kind one of live, movie, series, timeshift) and in {@code
     * /<user>/<password>/<id>}, user and password each become {@code *}, where the id is ASCII digits with an optional
     * extension of one to five word characters; any other path is kept. Read by hand rather than with a regular
     * expression: it runs once per playlist entry (#19).
     */
    static String accountFree(String path) {
        int first = path.indexOf('/', 1);
        int second = first < 0 ? -1 : path.indexOf('/', first + 1);
        int third = second < 0 ? -1 : path.indexOf('/', second + 1);
        if (second < 0 || first == 1 || second == first + 1) {
            return path; // fewer than three segments, or an empty user
        }
        if (third < 0) {
            return isStreamFile(path, second + 1) ? "/*/*/" + path.substring(second + 1) : path;
        }
        boolean xtream = third > second + 1
                && path.indexOf('/', third + 1) < 0
                && isXtreamKind(path, first)
                && isStreamFile(path, third + 1);
        return xtream ? path.substring(0, first) + "/*/*/" + path.substring(third + 1) : path;
    }

    private static boolean isXtreamKind(String path, int end) {
        return switch (end - 1) {
            case 4 -> path.startsWith("live", 1);
            case 5 -> path.startsWith("movie", 1);
            case 6 -> path.startsWith("series", 1);
            case 9 -> path.startsWith("timeshift", 1);
            default -> false;
        };
    }

    /** Digits to the end, or digits, a dot and one to five word characters ({@code \d+(\.\w{1,5})?}). */
    private static boolean isStreamFile(String path, int from) {
        int i = from;
        while (i < path.length() && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
            i++;
        }
        if (i == from) {
            return false;
        }
        if (i == path.length()) {
            return true;
        }
        if (path.charAt(i) != '.') {
            return false;
        }
        int extension = path.length() - i - 1;
        if (extension < 1 || extension > 5) {
            return false;
        }
        for (int j = i + 1; j < path.length(); j++) {
            char c = path.charAt(j);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String withoutUserInfo(String authority) {
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    private static String kept(String query) {
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !isVolatile(name)) {
                kept.add(parameter);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static boolean isVolatile(String name) {
        return VOLATILE_PARAMETERS.contains(name)
                || name.endsWith("token")
                || name.endsWith("password")
                || name.endsWith("secret")
                || name.endsWith("_key")
                || name.startsWith("x-amz-");
    }
}
