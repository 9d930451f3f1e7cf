package io.tvarr.http.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ManageOutputAccessUseCase;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;

/** Who may read a proxy's outputs: {@code PUT /api/v1/proxies/{id}/access} and the token's rotation. */
public final class OutputAccessRoutes implements ApiRoutes {
    private final ManageProxiesUseCase proxies;
    private final ManageOutputAccessUseCase access;

    public OutputAccessRoutes(ManageProxiesUseCase proxies, ManageOutputAccessUseCase access) {
        this.proxies = proxies;
        this.access = access;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/proxies/{id}/access", this::get);
        routes.put("/api/v1/proxies/{id}/access", this::change);
        routes.post("/api/v1/proxies/{id}/access/token", this::rotate);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/access",
            methods = HttpMethod.GET,
            summary = "Who may read the proxy's outputs, and the URLs to give players",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = OutputAccessView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(view(access.read(id)));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/access",
            methods = HttpMethod.PUT,
            summary = "Change who may read the proxy's outputs: open, lan (with ranges) or token",
            description = "Entering token mode makes a new token, leaving it drops the token; a change of the URLs"
                    + " regenerates a published proxy.",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = OutputAccessBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = OutputAccessView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void change(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(view(
                access.change(id, JsonBodies.read(ctx, OutputAccessBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/access/token",
            methods = HttpMethod.POST,
            summary = "Give a token proxy a new token; URLs with the old one stop working at once",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = OutputAccessView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        description = "the proxy is not in token mode",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void rotate(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(view(access.rotateToken(id)));
    }

    private OutputAccessView view(OutputAccess current) {
        return OutputAccessView.of(current, access.urls(current.proxy()));
    }
}
