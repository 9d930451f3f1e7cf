package io.tvarr.http.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.port.in.ManageOutputUsersUseCase;
import io.tvarr.domain.output.port.in.ManageOutputAccessUseCase;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;

/** Proxy management and generation. */
public final class ProxyRoutes implements ApiRoutes {
    private final ManageProxiesUseCase proxies;
    private final GenerateProxyUseCase generation;
    private final ManageOutputUsersUseCase users;
    private final ManageOutputAccessUseCase access;

    public ProxyRoutes(
            ManageProxiesUseCase proxies,
            GenerateProxyUseCase generation,
            ManageOutputUsersUseCase users,
            ManageOutputAccessUseCase access) {
        this.access = access;
        this.proxies = proxies;
        this.generation = generation;
        this.users = users;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/proxies", this::list);
        routes.post("/api/v1/proxies", this::create);
        routes.get("/api/v1/proxies/{id}", this::get);
        routes.put("/api/v1/proxies/{id}", this::update);
        routes.delete("/api/v1/proxies/{id}", this::delete);
        routes.post("/api/v1/proxies/{id}/regenerate", this::regenerate);
        routes.get("/api/v1/proxies/{id}/status", this::status);
    }

    @OpenApi(
            path = "/api/v1/proxies",
            methods = HttpMethod.GET,
            summary = "List proxies",
            tags = "proxies",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProxyView[].class)))
    void list(Context ctx) {
        ctx.json(proxies.list().stream().map(this::view).toList());
    }

    @OpenApi(
            path = "/api/v1/proxies",
            methods = HttpMethod.POST,
            summary = "Create a proxy from sources, guides, filters and rules",
            tags = "proxies",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ProxyBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = ProxyView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void create(Context ctx) {
        ctx.status(201)
                .json(view(proxies.create(JsonBodies.read(ctx, ProxyBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}",
            methods = HttpMethod.GET,
            summary = "Get a proxy by id or slug",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProxyView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        ctx.json(view(proxies.find(ctx.pathParam("id"))));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}",
            methods = HttpMethod.PUT,
            summary = "Change a proxy",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ProxyBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProxyView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void update(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(view(proxies.update(id, JsonBodies.read(ctx, ProxyBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a proxy and its published outputs",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "204"))
    void delete(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        proxies.delete(id);
        generation.discard(id);
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/regenerate",
            methods = HttpMethod.POST,
            summary = "Generate and publish the proxy's playlist and guide now",
            description =
                    "Runs the pipeline and answers with its report; the previous outputs stay published if it fails.",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GenerationReportView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void regenerate(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(GenerationReportView.of(generation.generate(id)));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/status",
            methods = HttpMethod.GET,
            summary = "Whether a generation runs, and the last report and failure",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = GenerationStatusView.class)))
    void status(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(GenerationStatusView.of(generation.status(id)));
    }

    private ProxyView view(StreamProxy proxy) {
        return ProxyView.of(
                proxy,
                users.list(proxy.id()).stream().map(OutputUser::username).toList(),
                OutputAccessView.of(access.read(proxy.id()), access.urls(proxy.id())));
    }
}
