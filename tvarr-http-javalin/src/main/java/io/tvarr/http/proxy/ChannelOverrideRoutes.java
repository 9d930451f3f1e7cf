package io.tvarr.http.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ManageChannelOverridesUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;

/** Per-proxy channel overrides: {@code /api/v1/proxies/{id}/channels/{channelId}/override} and the proxy's list. */
public final class ChannelOverrideRoutes implements ApiRoutes {
    private static final String ONE = "/api/v1/proxies/{id}/channels/{channelId}/override";

    private final ManageProxiesUseCase proxies;
    private final ManageChannelOverridesUseCase overrides;

    public ChannelOverrideRoutes(ManageProxiesUseCase proxies, ManageChannelOverridesUseCase overrides) {
        this.proxies = proxies;
        this.overrides = overrides;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/proxies/{id}/overrides", this::list);
        routes.get(ONE, this::get);
        routes.put(ONE, this::set);
        routes.delete(ONE, this::remove);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/overrides",
            methods = HttpMethod.GET,
            summary = "The proxy's channel overrides, orphaned ones (channel gone from every source) marked",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "id or slug"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ChannelOverrideView[].class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void list(Context ctx) {
        ctx.json(
                overrides.list(proxy(ctx)).stream().map(ChannelOverrideView::of).toList());
    }

    @OpenApi(
            path = ONE,
            methods = HttpMethod.GET,
            summary = "One channel's override in the proxy",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "channelId", required = true)
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ChannelOverrideView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        ctx.json(listed(proxy(ctx), channel(ctx)));
    }

    @OpenApi(
            path = ONE,
            methods = HttpMethod.PUT,
            summary = "Set one channel's override in the proxy: name, number, group, logo, tvg-id, hidden",
            description = "Applied after the proxy's mapping rules from its next generation on; kept across every"
                    + " refresh of the source. The channel must be in one of the proxy's sources.",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "channelId", required = true)
            },
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ChannelOverrideBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ChannelOverrideView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void set(Context ctx) {
        ProxyId proxy = proxy(ctx);
        ChannelId channel = channel(ctx);
        overrides.set(JsonBodies.read(ctx, ChannelOverrideBody.class).toCommand(proxy, channel));
        ctx.json(listed(proxy, channel));
    }

    @OpenApi(
            path = ONE,
            methods = HttpMethod.DELETE,
            summary = "Remove one channel's override; the channel shows as its source and the rules make it",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "channelId", required = true)
            },
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void remove(Context ctx) {
        overrides.remove(proxy(ctx), channel(ctx));
        ctx.status(204);
    }

    private ChannelOverrideView listed(ProxyId proxy, ChannelId channel) {
        return ChannelOverrideView.of(overrides.get(proxy, channel));
    }

    private ProxyId proxy(Context ctx) {
        return proxies.find(ctx.pathParam("id")).id();
    }

    private static ChannelId channel(Context ctx) {
        return ChannelId.parse(ctx.pathParam("channelId"));
    }
}
