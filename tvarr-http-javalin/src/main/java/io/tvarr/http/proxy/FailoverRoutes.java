package io.tvarr.http.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.failover.port.in.ManageFailoverUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;

/** A proxy's failover settings: {@code GET} and {@code PUT /api/v1/proxies/{id}/failover}. */
public final class FailoverRoutes implements ApiRoutes {
    private final ManageFailoverUseCase failover;

    public FailoverRoutes(ManageFailoverUseCase failover) {
        this.failover = failover;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/proxies/{id}/failover", this::get);
        routes.put("/api/v1/proxies/{id}/failover", this::change);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/failover",
            methods = HttpMethod.GET,
            summary = "How the proxy merges the same channel from several sources, and its alternates by hand",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = FailoverBody.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        ctx.json(FailoverBody.of(failover.failover(ctx.pathParam("id"))));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/failover",
            methods = HttpMethod.PUT,
            summary = "Replace the proxy's failover settings",
            description = "Alternates by hand play at once; a change of mergeBy shows in the playlist from the"
                    + " proxy's next generation. Playing a channel opens the first of its streams whose source has a"
                    + " free connection and whose host's circuit breaker is closed, and moves to the next when one"
                    + " fails.",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = FailoverBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = FailoverBody.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void change(Context ctx) {
        FailoverBody body = JsonBodies.read(ctx, FailoverBody.class);
        ctx.json(FailoverBody.of(failover.change(ctx.pathParam("id"), body.toSettings())));
    }
}
