package io.tvarr.http.xtream;

import io.javalin.http.Context;

/**
 * Where the player reached tvarr, as the login answer's {@code server_info} and the playlist's URLs tell it: the
 * request's own host and port, so every address the player was given works from where it stands.
 */
record XtreamServer(String host, int port, boolean https) {
    static XtreamServer of(Context ctx) {
        boolean https =
                "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        String authority = ctx.host() == null ? "localhost" : ctx.host();
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > 0
                && authority.indexOf(']', colon) < 0
                && authority.substring(colon + 1).matches("\\d+");
        String host = hasPort ? authority.substring(0, colon) : authority;
        int port = hasPort ? Integer.parseInt(authority.substring(colon + 1)) : (https ? 443 : 80);
        return new XtreamServer(host, port, https);
    }

    /** {@code http://host:port} without a trailing slash. */
    String baseUrl() {
        return (https ? "https" : "http") + "://" + host
                + ((https && port == 443) || (!https && port == 80) ? "" : ":" + port);
    }
}
