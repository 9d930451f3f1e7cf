package io.tvarr.http.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.ApiKeyId;
import io.tvarr.domain.admin.port.in.AdminLogin;
import io.tvarr.domain.admin.port.in.LoginAttempt;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.QueryParams;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Sessions, API keys, admin users and the audit trail over the API. */
public final class AuthRoutes implements ApiRoutes {
    static final String LOGIN = "/api/v1/auth/login";
    static final String LOGOUT = "/api/v1/auth/logout";
    static final String SESSION = "/api/v1/auth/session";
    static final String SETUP = "/api/v1/auth/setup";
    /** Routes that write their own audit entries, so the gate does not write a second. */
    static final Set<String> SELF_AUDITED = Set.of(LOGIN, LOGOUT, SETUP);

    private final AdminAccess access;
    private final Duration sessionLifetime;

    public AuthRoutes(AdminAccess access, Duration sessionLifetime) {
        this.access = access;
        this.sessionLifetime = sessionLifetime;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(LOGIN, this::logIn);
        routes.post(LOGOUT, this::logOut);
        routes.get(SESSION, this::session);
        routes.post(SETUP, this::setUp);
        routes.get("/api/v1/api-keys", this::listKeys);
        routes.post("/api/v1/api-keys", this::createKey);
        routes.delete("/api/v1/api-keys/{id}", this::revokeKey);
        routes.get("/api/v1/admin-users", this::listUsers);
        routes.post("/api/v1/admin-users", this::addUser);
        routes.put("/api/v1/admin-users/{username}/password", this::changePassword);
        routes.delete("/api/v1/admin-users/{username}", this::removeUser);
        routes.get("/api/v1/audit", this::audit);
    }

    @OpenApi(
            path = LOGIN,
            methods = HttpMethod.POST,
            summary = "Log in: sets the session cookie and answers the CSRF token changes must echo",
            tags = "auth",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = LoginBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = SessionView.class)),
                @OpenApiResponse(
                        status = "401",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "429",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void logIn(Context ctx) {
        LoginBody body = JsonBodies.read(ctx, LoginBody.class);
        AdminLogin login =
                access.logins().logIn(new LoginAttempt(body.username(), body.password(), access.address(ctx)));
        AdminSession session = opened(ctx, login, sessionLifetime);
        ctx.json(SessionView.of(Actor.user(session.username()), session.csrfToken(), session.expiresAt()));
    }

    /** The session a login opened, its cookie set; a refusal or a hold-off as the matching HTTP answer. */
    static AdminSession opened(Context ctx, AdminLogin login, Duration lifetime) {
        if (login instanceof AdminLogin.Throttled held) {
            long seconds = Math.max(1, held.retryAfter().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            throw new HttpResponseException(
                    HttpStatus.TOO_MANY_REQUESTS.getCode(),
                    "too many failed logins for this username or from this address; try again in " + seconds + " s");
        }
        if (!(login instanceof AdminLogin.Granted granted)) {
            throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), "wrong username or password");
        }
        SessionCookies.open(ctx, granted.session().token(), lifetime);
        return granted.session().session();
    }

    @OpenApi(
            path = LOGOUT,
            methods = HttpMethod.POST,
            summary = "Log out: ends the session and clears its cookie",
            tags = "auth",
            responses = {@OpenApiResponse(status = "204")})
    void logOut(Context ctx) {
        String token = SessionCookies.session(ctx);
        if (token != null) {
            access.sessions().logOut(token);
        }
        SessionCookies.close(ctx);
        ctx.status(204);
    }

    @OpenApi(
            path = SESSION,
            methods = HttpMethod.GET,
            summary = "Who the caller is; for a browser session also its CSRF token",
            tags = "auth",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = SessionView.class))})
    void session(Context ctx) {
        Optional<AdminSession> session = Actors.session(ctx);
        ctx.json(SessionView.of(
                Actors.of(ctx),
                session.map(AdminSession::csrfToken).orElse(null),
                session.map(AdminSession::expiresAt).orElse(null)));
    }

    @OpenApi(
            path = SETUP,
            methods = HttpMethod.POST,
            summary = "Make the first admin user with the one-time token of the setup link printed at first start",
            tags = "auth",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = SetupBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = AdminUserView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void setUp(Context ctx) {
        SetupBody body = JsonBodies.read(ctx, SetupBody.class);
        String token = body.token() == null ? "" : body.token();
        ctx.status(201)
                .json(AdminUserView.of(access.setup()
                        .complete(token, body.username(), body.password() == null ? "" : body.password())));
    }

    @OpenApi(
            path = "/api/v1/api-keys",
            methods = HttpMethod.GET,
            summary = "List API keys (never their secrets)",
            tags = "auth",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = ApiKeyView[].class))})
    void listKeys(Context ctx) {
        ctx.json(access.keys().list().stream().map(ApiKeyView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/api-keys",
            methods = HttpMethod.POST,
            summary = "Make an API key; the answer is the only place its full value appears",
            tags = "auth",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ApiKeyBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = IssuedApiKeyView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void createKey(Context ctx) {
        ApiKeyBody body = JsonBodies.read(ctx, ApiKeyBody.class);
        ctx.status(201).json(IssuedApiKeyView.of(access.keys().create(body.toCommand(), Actors.of(ctx))));
    }

    @OpenApi(
            path = "/api/v1/api-keys/{id}",
            methods = HttpMethod.DELETE,
            summary = "Revoke an API key at once",
            tags = "auth",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void revokeKey(Context ctx) {
        access.keys().revoke(ApiKeyId.parse(ctx.pathParam("id")), Actors.of(ctx));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/admin-users",
            methods = HttpMethod.GET,
            summary = "List admin users",
            tags = "auth",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminUserView[].class))})
    void listUsers(Context ctx) {
        ctx.json(access.users().list().stream().map(AdminUserView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/admin-users",
            methods = HttpMethod.POST,
            summary = "Add an admin user",
            tags = "auth",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = AdminUserBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = AdminUserView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void addUser(Context ctx) {
        AdminUserBody body = JsonBodies.read(ctx, AdminUserBody.class);
        ctx.status(201)
                .json(AdminUserView.of(access.users()
                        .add(body.username(), body.password() == null ? "" : body.password(), Actors.of(ctx))));
    }

    @OpenApi(
            path = "/api/v1/admin-users/{username}/password",
            methods = HttpMethod.PUT,
            summary = "Set an admin user's password; ends that user's sessions",
            tags = "auth",
            pathParams = @OpenApiParam(name = "username", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = PasswordBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminUserView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void changePassword(Context ctx) {
        PasswordBody body = JsonBodies.read(ctx, PasswordBody.class);
        ctx.json(AdminUserView.of(access.users()
                .changePassword(
                        ctx.pathParam("username"), body.password() == null ? "" : body.password(), Actors.of(ctx))));
    }

    @OpenApi(
            path = "/api/v1/admin-users/{username}",
            methods = HttpMethod.DELETE,
            summary = "Remove an admin user (never the last one)",
            tags = "auth",
            pathParams = @OpenApiParam(name = "username", required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void removeUser(Context ctx) {
        access.users().remove(ctx.pathParam("username"), Actors.of(ctx));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/audit",
            methods = HttpMethod.GET,
            summary = "The audit trail: who changed what, newest first",
            tags = "auth",
            queryParams = {
                @OpenApiParam(name = "page", type = Integer.class, description = "from 0"),
                @OpenApiParam(name = "size", type = Integer.class, description = "1-500, default 50")
            },
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = AuditPageView.class))})
    void audit(Context ctx) {
        ctx.json(AuditPageView.of(
                access.audit().list(QueryParams.integer(ctx, "page", 0), QueryParams.integer(ctx, "size", 50))));
    }
}
