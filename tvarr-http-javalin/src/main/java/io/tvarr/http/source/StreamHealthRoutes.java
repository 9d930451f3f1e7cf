package io.tvarr.http.source;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.health.port.in.CheckStreamHealthUseCase;
import io.tvarr.domain.health.port.in.ConfigureHealthChecksUseCase;
import io.tvarr.domain.health.port.in.ListStreamHealthUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.QueryParams;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;

/**
 * A channel source's stream checks: the results under {@code /api/v1/sources/stream/{id}/health}, a run now under
 * {@code .../health/check} and the periodic checks' settings under {@code .../health/settings}.
 */
public final class StreamHealthRoutes implements ApiRoutes {
    private static final String HEALTH = "/api/v1/sources/stream/{id}/health";

    private final ListStreamHealthUseCase results;
    private final CheckStreamHealthUseCase checks;
    private final ConfigureHealthChecksUseCase settings;

    public StreamHealthRoutes(
            ListStreamHealthUseCase results, CheckStreamHealthUseCase checks, ConfigureHealthChecksUseCase settings) {
        this.results = results;
        this.checks = checks;
        this.settings = settings;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(HEALTH, this::list);
        routes.post(HEALTH + "/check", this::check);
        routes.get(HEALTH + "/settings", this::getSettings);
        routes.put(HEALTH + "/settings", this::changeSettings);
    }

    @OpenApi(
            path = HEALTH,
            methods = HttpMethod.GET,
            summary = "The source's stream checks, a page at a time, most recently checked first",
            description = "Each checked channel's last result: working with the codecs ffprobe found, or broken with"
                    + " the reason. Failover tries streams found broken in the last 24 hours only when no other"
                    + " stream of the channel can be opened.",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            queryParams = {
                @OpenApiParam(name = "page", type = Integer.class, description = "from 0; default 0"),
                @OpenApiParam(name = "size", type = Integer.class, description = "1-500; default 100")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = StreamHealthPageView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void list(Context ctx) {
        SourceId id = SourceId.parse(ctx.pathParam("id"));
        ctx.json(StreamHealthPageView.of(
                results.page(id, QueryParams.integer(ctx, "page", 0), QueryParams.integer(ctx, "size", 100)),
                results.counts(id)));
    }

    @OpenApi(
            path = HEALTH + "/check",
            methods = HttpMethod.POST,
            summary = "Check a batch of the source's streams now and answer when done",
            description = "Probes up to the source's max_checks_per_run channels with ffprobe (those checked longest"
                    + " ago first), each holding one of the source's free connections; when none is free the run"
                    + " stops and counts the rest as skipped. Takes seconds per channel.",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthCheckRunView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void check(Context ctx) {
        ctx.json(HealthCheckRunView.of(checks.check(SourceId.parse(ctx.pathParam("id")))));
    }

    @OpenApi(
            path = HEALTH + "/settings",
            methods = HttpMethod.GET,
            summary = "The source's periodic stream check settings",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthCheckSettingsBody.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void getSettings(Context ctx) {
        ctx.json(HealthCheckSettingsBody.of(settings.settings(SourceId.parse(ctx.pathParam("id")))));
    }

    @OpenApi(
            path = HEALTH + "/settings",
            methods = HttpMethod.PUT,
            summary = "Switch the source's periodic stream checks on or off, and set how often and how many",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = HealthCheckSettingsBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthCheckSettingsBody.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void changeSettings(Context ctx) {
        SourceId id = SourceId.parse(ctx.pathParam("id"));
        ctx.json(HealthCheckSettingsBody.of(settings.configure(
                id, JsonBodies.read(ctx, HealthCheckSettingsBody.class).toSettings())));
    }
}
