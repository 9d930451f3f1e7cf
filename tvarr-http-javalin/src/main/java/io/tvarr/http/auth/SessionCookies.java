package io.tvarr.http.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The session cookie and the login form's CSRF cookie: HttpOnly so page scripts cannot read them, SameSite=Lax so
 * other sites' forms do not carry them, Secure when the request came over TLS (directly or through a proxy that says
 * so), and scoped to the whole site.
 */
final class SessionCookies {
    static final String SESSION = "tvarr_session";
    static final String LOGIN_CSRF = "tvarr_login_csrf";

    private SessionCookies() {}

    static void open(Context ctx, String token, Duration lifetime) {
        ctx.cookie(cookie(ctx, SESSION, token, (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds())));
    }

    static void close(Context ctx) {
        ctx.cookie(cookie(ctx, SESSION, "", 0));
    }

    static @Nullable String session(Context ctx) {
        String value = ctx.cookie(SESSION);
        return value == null || value.isEmpty() ? null : value;
    }

    static void loginCsrf(Context ctx, String token) {
        ctx.cookie(cookie(ctx, LOGIN_CSRF, token, 3600));
    }

    static @Nullable String loginCsrf(Context ctx) {
        return ctx.cookie(LOGIN_CSRF);
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, overTls(ctx), true, null, SameSite.LAX);
    }

    private static boolean overTls(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
