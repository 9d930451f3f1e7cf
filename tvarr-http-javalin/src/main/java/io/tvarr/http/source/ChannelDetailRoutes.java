package io.tvarr.http.source;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.in.DescribeChannelUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;

/** One stored channel with its guide match and now/next. */
public final class ChannelDetailRoutes implements ApiRoutes {
    private final DescribeChannelUseCase channels;

    public ChannelDetailRoutes(DescribeChannelUseCase channels) {
        this.channels = channels;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/channels/{id}", this::get);
    }

    @OpenApi(
            path = "/api/v1/channels/{id}",
            methods = HttpMethod.GET,
            summary = "A stored channel with its guide match and programmes now and next",
            tags = "channels",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ChannelDetailView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        ctx.json(ChannelDetailView.of(channels.describe(ChannelId.parse(ctx.pathParam("id")))));
    }
}
