package io.tvarr.http.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ConfigureGuideMatchingUseCase;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesQuery;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.proxy.port.in.PinGuideChannelCommand;
import io.tvarr.domain.proxy.port.in.PinGuideChannelUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.EnumParam;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.QueryParams;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.ArrayList;
import java.util.List;

/**
 * Guide matching that explains itself: {@code GET /api/v1/proxies/{id}/guide-matches} page by page, pins under
 * {@code .../guide-matches/{channelId}}, the pins with their state under {@code .../guide-pins} and the threshold
 * under {@code .../guide-matching}.
 */
public final class GuideMatchRoutes implements ApiRoutes {
    private static final int DEFAULT_LIMIT = 100;

    private final ManageProxiesUseCase proxies;
    private final ListGuideMatchesUseCase matches;
    private final PinGuideChannelUseCase pins;
    private final ConfigureGuideMatchingUseCase settings;

    public GuideMatchRoutes(
            ManageProxiesUseCase proxies,
            ListGuideMatchesUseCase matches,
            PinGuideChannelUseCase pins,
            ConfigureGuideMatchingUseCase settings) {
        this.proxies = proxies;
        this.matches = matches;
        this.pins = pins;
        this.settings = settings;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/proxies/{id}/guide-matches", this::list);
        routes.put("/api/v1/proxies/{id}/guide-matches/{channelId}", this::pin);
        routes.delete("/api/v1/proxies/{id}/guide-matches/{channelId}", this::unpin);
        routes.get("/api/v1/proxies/{id}/guide-pins", this::listPins);
        routes.get("/api/v1/proxies/{id}/guide-matching", this::getSettings);
        routes.put("/api/v1/proxies/{id}/guide-matching", this::changeSettings);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/guide-matches",
            methods = HttpMethod.GET,
            summary = "How the last generation matched each channel to the guide, a page at a time",
            description = "Per channel in playlist order: the guide channel chosen, the tier (pinned, exact_id,"
                    + " id_ignoring_case, name, similar, unmatched) and score, and for unmatched channels the best"
                    + " three candidates with their scores. A proxy never generated is generated first.",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "the proxy's id or slug"),
            queryParams = {
                @OpenApiParam(name = "tier", description = "only matches of this tier"),
                @OpenApiParam(name = "offset", type = Integer.class, description = "matches to skip; default 0"),
                @OpenApiParam(name = "limit", type = Integer.class, description = "1-1000; default 100")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GuideMatchPageView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void list(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        String tierParam = ctx.queryParam("tier");
        GuideMatchTier tier = tierParam == null || tierParam.isBlank()
                ? null
                : EnumParam.parse(GuideMatchTier.class, tierParam, "tier");
        ListGuideMatchesQuery query = new ListGuideMatchesQuery(
                id, tier, QueryParams.integer(ctx, "offset", 0), QueryParams.integer(ctx, "limit", DEFAULT_LIMIT));
        List<GuideMatchView> page = new ArrayList<>();
        long total = matches.forEachMatch(query, match -> page.add(GuideMatchView.of(match)));
        ctx.json(new GuideMatchPageView(
                total, query.offset(), query.limit(), tier == null ? null : EnumParam.format(tier), page));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/guide-matches/{channelId}",
            methods = HttpMethod.PUT,
            summary = "Pin a guide channel to a channel: it wins over every other tier from the next generation on",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "the proxy's id or slug"),
                @OpenApiParam(name = "channelId", required = true, description = "a channel of the proxy's sources")
            },
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = GuidePinBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GuidePinView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void pin(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ChannelId channel = ChannelId.parse(ctx.pathParam("channelId"));
        GuidePinBody body = JsonBodies.read(ctx, GuidePinBody.class);
        ctx.json(GuidePinView.saved(pins.pin(new PinGuideChannelCommand(id, channel, body.guideChannelId()))));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/guide-matches/{channelId}",
            methods = HttpMethod.DELETE,
            summary = "Remove a channel's pin; matching decides again from the next generation on",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "the proxy's id or slug"),
                @OpenApiParam(name = "channelId", required = true)
            },
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        description = "no such proxy, or the channel has no pin",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void unpin(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        pins.unpin(id, ChannelId.parse(ctx.pathParam("channelId")));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/guide-pins",
            methods = HttpMethod.GET,
            summary = "The proxy's pins, each marked orphaned when the last generation could not use it",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "the proxy's id or slug"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GuidePinView[].class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void listPins(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        List<GuidePinView> found = new ArrayList<>();
        matches.forEachPin(id, status -> found.add(GuidePinView.of(status)));
        ctx.json(found);
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/guide-matching",
            methods = HttpMethod.GET,
            summary = "The proxy's guide matching settings",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "the proxy's id or slug"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GuideMatchSettingsBody.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void getSettings(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(GuideMatchSettingsBody.of(settings.settings(id)));
    }

    @OpenApi(
            path = "/api/v1/proxies/{id}/guide-matching",
            methods = HttpMethod.PUT,
            summary = "Change the proxy's guide matching settings; the next generation uses them",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "the proxy's id or slug"),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = GuideMatchSettingsBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GuideMatchSettingsBody.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void changeSettings(Context ctx) {
        ProxyId id = proxies.find(ctx.pathParam("id")).id();
        ctx.json(GuideMatchSettingsBody.of(settings.configure(
                id, JsonBodies.read(ctx, GuideMatchSettingsBody.class).toSettings())));
    }
}
