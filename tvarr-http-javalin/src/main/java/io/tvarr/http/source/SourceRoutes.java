package io.tvarr.http.source;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.port.in.BrowseChannelsUseCase;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.QueryParams;
import io.tvarr.http.ingestion.IngestionEndpoints;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;

/** Channel sources (M3U, Xtream), their ingestion, and the channels they produced. */
public final class SourceRoutes implements ApiRoutes {
    private final ManageStreamSourcesUseCase sources;
    private final IngestionEndpoints<SourceId> ingestion;
    private final BrowseChannelsUseCase channels;

    public SourceRoutes(
            ManageStreamSourcesUseCase sources,
            IngestSourceUseCase<SourceId> ingestion,
            BrowseChannelsUseCase channels) {
        this.sources = sources;
        this.ingestion = new IngestionEndpoints<>(IngestionEndpoints.STREAM_SOURCES, ingestion, SourceId::parse);
        this.channels = channels;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/sources/stream", this::list);
        routes.post("/api/v1/sources/stream", this::create);
        routes.get("/api/v1/sources/stream/{id}", this::get);
        routes.put("/api/v1/sources/stream/{id}", this::update);
        routes.delete("/api/v1/sources/stream/{id}", this::delete);
        ingestion.register(routes);
        routes.get("/api/v1/channels", this::channels);
        routes.get("/api/v1/channels/groups", this::groups);
    }

    @OpenApi(
            path = "/api/v1/sources/stream",
            methods = HttpMethod.GET,
            summary = "List channel sources",
            tags = "sources",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = StreamSourceView[].class)))
    void list(Context ctx) {
        ctx.json(sources.list().stream().map(StreamSourceView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/sources/stream",
            methods = HttpMethod.POST,
            summary = "Add an M3U or Xtream source",
            tags = "sources",
            queryParams =
                    @OpenApiParam(name = "ingest", type = Boolean.class, description = IngestionEndpoints.INGEST_NOW),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = StreamSourceBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = StreamSourceView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void create(Context ctx) {
        StreamSource created =
                sources.create(JsonBodies.read(ctx, StreamSourceBody.class).toCommand());
        ingestion.startIfAsked(ctx, created.id());
        ctx.status(201).json(StreamSourceView.of(created));
    }

    @OpenApi(
            path = "/api/v1/sources/stream/{id}",
            methods = HttpMethod.GET,
            summary = "Get a channel source",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = StreamSourceView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        ctx.json(StreamSourceView.of(sources.get(SourceId.parse(ctx.pathParam("id")))));
    }

    @OpenApi(
            path = "/api/v1/sources/stream/{id}",
            methods = HttpMethod.PUT,
            summary = "Change a channel source (masked url/password keep the stored ones)",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = StreamSourceBody.class)),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = StreamSourceView.class)))
    void update(Context ctx) {
        SourceId id = SourceId.parse(ctx.pathParam("id"));
        ctx.json(StreamSourceView.of(
                sources.update(id, JsonBodies.read(ctx, StreamSourceBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/sources/stream/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a channel source and its channels",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "204"))
    void delete(Context ctx) {
        sources.delete(SourceId.parse(ctx.pathParam("id")));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/channels",
            methods = HttpMethod.GET,
            summary = "Page through stored channels",
            tags = "channels",
            queryParams = {
                @OpenApiParam(name = "source"),
                @OpenApiParam(name = "group"),
                @OpenApiParam(name = "q", description = "text in name, tvg-id or tvg-name"),
                @OpenApiParam(name = "page", type = Integer.class),
                @OpenApiParam(name = "size", type = Integer.class)
            },
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ChannelPageView.class)))
    void channels(Context ctx) {
        String source = ctx.queryParam("source");
        ChannelQuery query = new ChannelQuery(
                source == null || source.isBlank() ? null : SourceId.parse(source),
                ctx.queryParam("group"),
                ctx.queryParam("q"),
                QueryParams.integer(ctx, "page", 0),
                QueryParams.integer(ctx, "size", 100));
        ctx.json(ChannelPageView.of(channels.page(query)));
    }

    @OpenApi(
            path = "/api/v1/channels/groups",
            methods = HttpMethod.GET,
            summary = "Channel groups with counts",
            tags = "channels",
            queryParams = @OpenApiParam(name = "source"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = GroupCount[].class)))
    void groups(Context ctx) {
        String source = ctx.queryParam("source");
        ctx.json(channels.groups(source == null || source.isBlank() ? null : SourceId.parse(source)));
    }
}
