package io.tvarr.http.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.port.in.AdminLogin;
import io.tvarr.domain.admin.port.in.LoginAttempt;
import io.tvarr.http.ApiRoutes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.util.StringUtil;
import org.jspecify.annotations.Nullable;

/**
 * The login, logout and first-start setup pages: plain HTML forms that work without scripts. Every form carries a
 * CSRF token: before login a random one also set as a cookie (double submit), after login the session's own.
 */
public final class LoginPages implements ApiRoutes {
    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String SETUP = "/setup";
    private static final String HOME = "/";

    private final AdminAccess access;
    private final SecretTokens tokens;
    private final Duration sessionLifetime;

    public LoginPages(AdminAccess access, SecretTokens tokens, Duration sessionLifetime) {
        this.access = access;
        this.tokens = tokens;
        this.sessionLifetime = sessionLifetime;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(LOGIN, this::loginForm);
        routes.post(LOGIN, this::logIn);
        routes.post(LOGOUT, this::logOut);
        routes.get(SETUP, this::setupForm);
        routes.post(SETUP, this::setUp);
    }

    void loginForm(Context ctx) {
        renderLogin(ctx, 200, null, next(ctx.queryParam("next")), "");
    }

    void logIn(Context ctx) {
        String next = next(ctx.formParam("next"));
        String username = orEmpty(ctx.formParam("username"));
        if (!loginCsrfMatches(ctx)) {
            renderLogin(ctx, 403, "The form had expired; please try again.", next, username);
            return;
        }
        AdminLogin login = access.logins()
                .logIn(new LoginAttempt(username, orEmpty(ctx.formParam("password")), access.address(ctx)));
        try {
            AuthRoutes.opened(ctx, login, sessionLifetime);
        } catch (HttpResponseException refused) {
            renderLogin(ctx, refused.getStatus(), refused.getMessage() + ".", next, username);
            return;
        }
        SessionCookies.loginCsrf(ctx, "");
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    void logOut(Context ctx) {
        String token = SessionCookies.session(ctx);
        Optional<AdminSession> session =
                token == null ? Optional.empty() : access.sessions().resume(token);
        if (session.isPresent()) {
            String sent = ctx.formParam("csrf");
            if (sent == null || !SecretTokens.same(sent, session.get().csrfToken())) {
                throw new HttpResponseException(
                        HttpStatus.FORBIDDEN.getCode(), "logout: missing or wrong CSRF token in the form");
            }
            access.sessions().logOut(token);
        }
        SessionCookies.close(ctx);
        ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
    }

    void setupForm(Context ctx) {
        String token = orEmpty(ctx.queryParam("token"));
        if (!access.setup().awaitingSetup()) {
            throw new NotFoundException("setup: an admin user exists; log in at " + LOGIN);
        }
        renderSetup(ctx, 200, null, token, "admin");
    }

    void setUp(Context ctx) {
        String token = orEmpty(ctx.formParam("token"));
        String username = orEmpty(ctx.formParam("username"));
        String password = orEmpty(ctx.formParam("password"));
        if (!loginCsrfMatches(ctx)) {
            renderSetup(ctx, 403, "The form had expired; please try again.", token, username);
            return;
        }
        if (!password.equals(ctx.formParam("confirm"))) {
            renderSetup(ctx, 400, "The two passwords differ.", token, username);
            return;
        }
        try {
            access.setup().complete(token, username, password);
        } catch (TvarrException e) {
            renderSetup(ctx, e instanceof NotFoundException ? 404 : 400, e.getMessage(), token, username);
            return;
        }
        AuthRoutes.opened(
                ctx, access.logins().logIn(new LoginAttempt(username, password, access.address(ctx))), sessionLifetime);
        ctx.redirect(HOME, HttpStatus.SEE_OTHER);
    }

    private void renderLogin(Context ctx, int status, @Nullable String error, String next, String username) {
        String csrf = freshLoginCsrf(ctx);
        ctx.status(status).html(page("Log in – tvarr", """
                        <h1>Log in to tvarr</h1>
                        %s
                        <form method="post" action="%s">
                          <input type="hidden" name="csrf" value="%s">
                          <input type="hidden" name="next" value="%s">
                          <div class="field"><label for="username">Username</label>
                            <input id="username" name="username" autocomplete="username" required value="%s" autofocus></div>
                          <div class="field"><label for="password">Password</label>
                            <input id="password" name="password" type="password" autocomplete="current-password" required></div>
                          <button type="submit" id="log-in">Log in</button>
                        </form>
                        """.formatted(
                        error(error),
                        LOGIN,
                        StringUtil.sanitizeXmlString(csrf),
                        StringUtil.sanitizeXmlString(next),
                        StringUtil.sanitizeXmlString(username))));
    }

    private void renderSetup(Context ctx, int status, @Nullable String error, String token, String username) {
        String csrf = freshLoginCsrf(ctx);
        ctx.status(status).html(page("Set up – tvarr", """
                        <h1>Welcome to tvarr</h1>
                        <p>Choose the first admin user's name and password.</p>
                        %s
                        <form method="post" action="%s">
                          <input type="hidden" name="csrf" value="%s">
                          <input type="hidden" name="token" value="%s">
                          <div class="field"><label for="username">Username</label>
                            <input id="username" name="username" autocomplete="username" required value="%s"></div>
                          <div class="field"><label for="password">Password (8 characters or more)</label>
                            <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" required></div>
                          <div class="field"><label for="confirm">Password again</label>
                            <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="8" required></div>
                          <button type="submit">Create admin user</button>
                        </form>
                        """.formatted(
                        error(error),
                        SETUP,
                        StringUtil.sanitizeXmlString(csrf),
                        StringUtil.sanitizeXmlString(token),
                        StringUtil.sanitizeXmlString(username))));
    }

    private String freshLoginCsrf(Context ctx) {
        String csrf = tokens.next();
        SessionCookies.loginCsrf(ctx, csrf);
        return csrf;
    }

    private static boolean loginCsrfMatches(Context ctx) {
        String cookie = SessionCookies.loginCsrf(ctx);
        String sent = ctx.formParam("csrf");
        return cookie != null && !cookie.isEmpty() && sent != null && SecretTokens.same(cookie, sent);
    }

    /** Only a path on this server: {@code //host} and {@code /\host} would send the browser elsewhere. */
    static String next(@Nullable String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return HOME;
        }
        return next;
    }

    private static String error(@Nullable String error) {
        return error == null
                ? ""
                : "<p class=\"form-error\" role=\"alert\">" + StringUtil.sanitizeXmlString(error) + "</p>";
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <link rel="stylesheet" href="/assets/tvarr.css">
                </head>
                <body>
                <main class="narrow login">
                %s
                </main>
                </body>
                </html>
                """.formatted(StringUtil.sanitizeXmlString(title), body);
    }
}
