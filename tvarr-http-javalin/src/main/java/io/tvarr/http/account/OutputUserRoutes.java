package io.tvarr.http.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.Checks;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.account.port.in.ManageOutputUsersUseCase;
import io.tvarr.domain.account.port.in.UpdateOutputUserCommand;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The output users of a proxy, the accounts players log in with; answers never carry a password or its hash. */
public final class OutputUserRoutes implements ApiRoutes {
    private final ManageProxiesUseCase proxies;
    private final ManageOutputUsersUseCase users;

    public OutputUserRoutes(ManageProxiesUseCase proxies, ManageOutputUsersUseCase users) {
        this.proxies = proxies;
        this.users = users;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/proxies/{id}/users", this::list);
        routes.post("/api/v1/proxies/{id}/users", this::create);
        routes.put("/api/v1/proxies/{id}/users/{userId}", this::update);
        routes.delete("/api/v1/proxies/{id}/users/{userId}", this::delete);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/users",
            methods = HttpMethod.GET,
            summary = "List a proxy's output users",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "id or slug"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = OutputUserView[].class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void list(Context ctx) {
        ctx.json(users.list(proxy(ctx)).stream().map(OutputUserView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/users",
            methods = HttpMethod.POST,
            summary = "Create an output user: a login for Xtream Codes players",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "id or slug"),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = OutputUserBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = OutputUserView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void create(Context ctx) {
        ProxyId proxy = proxy(ctx);
        OutputUser user =
                users.create(proxy, JsonBodies.read(ctx, OutputUserBody.class).toCommand());
        ctx.status(201).json(OutputUserView.of(user));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/users/{userId}",
            methods = HttpMethod.PUT,
            summary = "Change an output user's password, expiry and connection limit; the username stays",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "userId", required = true)
            },
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = OutputUserChangeBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = OutputUserView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void update(Context ctx) {
        ProxyId proxy = proxy(ctx);
        OutputUser user = users.update(
                proxy,
                OutputUserId.parse(ctx.pathParam("userId")),
                JsonBodies.read(ctx, OutputUserChangeBody.class).toCommand());
        ctx.json(OutputUserView.of(user));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/users/{userId}",
            methods = HttpMethod.DELETE,
            summary = "Delete an output user",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "userId", required = true)
            },
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void delete(Context ctx) {
        users.delete(proxy(ctx), OutputUserId.parse(ctx.pathParam("userId")));
        ctx.status(204);
    }

    private ProxyId proxy(Context ctx) {
        return proxies.find(ctx.pathParam("id")).id();
    }
}

/** A new output user. */
record OutputUserBody(
        @OpenApiRequired @Nullable String username,

        @OpenApiDescription("4-128 characters, no '/' or white space; only its hash is kept") @OpenApiRequired @Nullable
        String password,

        @OpenApiDescription("when the account stops working; absent for never") @OpenApiNullable @Nullable
        Instant expiresAt,

        @OpenApiDescription("streams at once, 1-100 (default 1)") @OpenApiNullable @Nullable
        Integer maxConnections) {
    @OpenApiIgnore
    CreateOutputUserCommand toCommand() {
        return new CreateOutputUserCommand(
                username, // the command refuses a missing username or password, naming the field
                password,
                expiresAt,
                maxConnections == null ? 1 : maxConnections);
    }

    @Override
    public String toString() {
        return "OutputUserBody[username=" + username + ", password=****]";
    }
}

/** A change to an output user: what is sent replaces what was, except a missing password, which is kept. */
record OutputUserChangeBody(
        @OpenApiDescription("a new password, 4-128 characters, no '/' or white space; absent keeps the current one")
        @OpenApiNullable
        @Nullable
        String password,

        @OpenApiDescription("when the account stops working; absent for never") @OpenApiNullable @Nullable
        Instant expiresAt,

        @OpenApiDescription("streams at once, 1-100") @OpenApiRequired @Nullable
        Integer maxConnections) {
    @OpenApiIgnore
    UpdateOutputUserCommand toCommand() {
        return new UpdateOutputUserCommand(
                password, expiresAt, Checks.requireNonNull(maxConnections, "max_connections"));
    }

    @Override
    public String toString() {
        return "OutputUserChangeBody[password=****, expiresAt=" + expiresAt + ", maxConnections=" + maxConnections
                + "]";
    }
}

/** An output user as the API shows it: never its password or hash. */
record OutputUserView(
        String id,
        String proxyId,
        String username,
        @OpenApiNullable @Nullable Instant expiresAt,
        int maxConnections,
        Instant createdAt) {
    static OutputUserView of(OutputUser u) {
        return new OutputUserView(
                u.id().toString(),
                u.proxy().toString(),
                u.username(),
                u.expiresAt(),
                u.maxConnections(),
                u.createdAt());
    }
}
