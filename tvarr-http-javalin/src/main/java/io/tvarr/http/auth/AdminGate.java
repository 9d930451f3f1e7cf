package io.tvarr.http.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.ApiScope;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.hdhr.HdHomeRunRoutes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every request passes here first. Denied by default: only the paths listed as open (health, the API document,
 * the login and setup pages) and the players' doors (whose proxy's output access decides) pass without an admin.
 * Programs authenticate with {@code Authorization: Bearer <API key>}; browsers with the session cookie, and then
 * every change must echo the session's CSRF token in {@code X-CSRF-Token}. Reading needs scope {@code read},
 * changing needs {@code admin}. Changes that went through are written to the audit trail.
 */
public final class AdminGate implements ApiRoutes {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> READING = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    /** Reads that need scope admin: the configuration document carries output users' password hashes. */
    private static final Set<String> ADMIN_READS = Set.of("/api/v1/config");

    private static final Set<String> OPEN = Set.of(
            "/livez",
            "/readyz",
            "/metrics",
            "/openapi.json",
            "/openapi-3.0.json",
            "/docs",
            "/favicon.ico",
            LoginPages.LOGIN,
            LoginPages.LOGOUT,
            LoginPages.SETUP,
            AuthRoutes.LOGIN,
            AuthRoutes.SETUP);
    /** Scripts and styles, which the login page needs before anyone logged in; they hold nothing secret. */
    private static final List<String> OPEN_PREFIXES = List.of("/webjars/", "/assets/");
    /** The form field plain HTML forms echo the CSRF token in, since a form cannot set a header. */
    static final String CSRF_FIELD = "csrf";
    /** The players' doors at the root: HDHomeRun's default device and Xtream Codes. */
    private static final Set<String> DOORS = doors();

    private static final List<String> DOOR_PREFIXES =
            List.of("/proxy/", "/hdhr/", "/logos/", "/live/", "/movie/", "/series/", "/timeshift/");

    private final AdminAccess access;
    private final boolean disabled;

    /** @param disabled everything passes as the system actor: for embedders and trusted setups only */
    public AdminGate(AdminAccess access, boolean disabled) {
        this.access = access;
        this.disabled = disabled;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before(this::check);
        routes.after(this::audit);
    }

    void check(Context ctx) {
        String path = ctx.path();
        if (isOpen(path) || isDoor(path) || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        if (disabled) {
            Actors.set(ctx, Actor.system("auth disabled"), null);
            return;
        }
        ApiScope needed =
                READING.contains(ctx.method()) && !ADMIN_READS.contains(path) ? ApiScope.READ : ApiScope.ADMIN;
        String bearer = bearer(ctx);
        if (bearer != null) {
            Actor actor = access.keyAuthentication()
                    .authenticate(bearer)
                    .orElseThrow(() -> unauthorized(ctx, "the API key is not valid (mistyped, or revoked)"));
            if (!actor.scope().permits(needed)) {
                throw new HttpResponseException(
                        HttpStatus.FORBIDDEN.getCode(),
                        "API key '" + actor.name() + "' has scope "
                                + actor.scope().wireName() + "; " + ctx.method() + " needs scope " + needed.wireName());
            }
            Actors.set(ctx, actor, null);
            return;
        }
        String cookie = SessionCookies.session(ctx);
        Optional<AdminSession> session =
                cookie == null ? Optional.empty() : access.sessions().resume(cookie);
        if (session.isEmpty()) {
            if (cookie != null) {
                SessionCookies.close(ctx);
            }
            refuseAnonymous(ctx);
            return;
        }
        if (needed == ApiScope.ADMIN && !csrfMatches(ctx, session.get())) {
            throw new HttpResponseException(
                    HttpStatus.FORBIDDEN.getCode(),
                    "missing or wrong " + CSRF_HEADER + " header (or " + CSRF_FIELD + " form field): a change made"
                            + " with the session cookie must echo the session's CSRF token (GET " + AuthRoutes.SESSION
                            + " tells it)");
        }
        Actors.set(ctx, Actor.user(session.get().username()), session.get());
    }

    private void refuseAnonymous(Context ctx) {
        if (!ctx.path().startsWith("/api/") && ctx.method() == HandlerType.GET && acceptsHtml(ctx)) {
            String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect(
                    LoginPages.LOGIN + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        throw unauthorized(
                ctx,
                "authentication required: send 'Authorization: Bearer <API key>', or log in at " + LoginPages.LOGIN);
    }

    private static boolean csrfMatches(Context ctx, AdminSession session) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return sent != null && SecretTokens.same(sent, session.csrfToken());
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        String lower = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
        // a page's upload (an M3U import) carries the token as a form field as well
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }

    private static HttpResponseException unauthorized(Context ctx, String detail) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"tvarr\"");
        return new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), detail);
    }

    private static @Nullable String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized(ctx, "Authorization: only the Bearer scheme is accepted (Bearer <API key>)");
        }
        return header.substring(7).trim();
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * Changes that reached a route, API or page form alike, whatever came of them; logins, logouts and setup write
     * their own entries, and open paths and players' doors carry no actor.
     */
    private void audit(Context ctx) {
        if (READING.contains(ctx.method()) || AuthRoutes.SELF_AUDITED.contains(ctx.path())) {
            return;
        }
        Optional<Actor> actor = Actors.find(ctx);
        if (actor.isEmpty()) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String action = ctx.method() + " " + (endpoint == null ? ctx.path() : endpoint.path);
        String target = Redaction.redactUrl(ctx.path());
        access.audit().record(actor.get(), action, target, Integer.toString(ctx.statusCode()), access.address(ctx));
    }

    private static Set<String> doors() {
        Set<String> doors = new java.util.HashSet<>(Set.of("/player_api.php", "/get.php", "/xmltv.php"));
        HdHomeRunRoutes.ROOT_FILES.forEach(file -> doors.add("/" + file));
        return Set.copyOf(doors);
    }

    static boolean isOpen(String path) {
        return OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    static boolean isDoor(String path) {
        return DOORS.contains(path) || DOOR_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
