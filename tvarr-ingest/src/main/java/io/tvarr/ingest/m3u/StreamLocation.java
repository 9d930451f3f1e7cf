package io.tvarr.ingest.m3u;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern XTREAM_PATH =
            Pattern.compile("^/(live|movie|series|timeshift)/[^/]+/[^/]+/(\\d+(\\.\\w{1,5})?)$");
    private static final Pattern XTREAM_SHORT_PATH = Pattern.compile("^/[^/]+/[^/]+/(\\d+(\\.\\w{1,5})?)$");

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

    private static String accountFree(String path) {
        var xtream = XTREAM_PATH.matcher(path);
        if (xtream.matches()) {
            return "/" + xtream.group(1) + "/*/*/" + xtream.group(2);
        }
        var shortPath = XTREAM_SHORT_PATH.matcher(path);
        return shortPath.matches() ? "/*/*/" + shortPath.group(1) : path;
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
