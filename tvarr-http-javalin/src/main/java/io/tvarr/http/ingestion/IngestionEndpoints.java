package io.tvarr.http.ingestion;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.http.QueryParams;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.function.Function;

/**
 * The ingestion endpoints of one kind of source, under its collection path: {@code POST {path}/{id}/ingest} (with
 * {@code ?accept=true} to apply a refresh that needs confirmation) and {@code GET {path}/{id}/status}. The OpenAPI annotations name both collections that use it, channel sources
 * ({@value #STREAM_SOURCES}) and guide sources ({@value #EPG_SOURCES}).
 *
 * @param <I> the id type of the source
 */
public final class IngestionEndpoints<I> {
    public static final String STREAM_SOURCES = "/api/v1/sources/stream";
    public static final String EPG_SOURCES = "/api/v1/sources/epg";

    private static final String ACCEPT = "true applies whatever the refresh yields, even a drop that needs"
            + " confirmation (state needs_confirmation): nothing at all, or more lost than sources.max_drop_percent";

    private final String path;
    private final IngestSourceUseCase<I> ingestion;
    private final Function<String, I> parseId;

    /**
     * @param path the collection path: {@link #STREAM_SOURCES} or {@link #EPG_SOURCES}
     * @param parseId turns the {@code id} path parameter into an id; fails with a ValidationException
     */
    public IngestionEndpoints(String path, IngestSourceUseCase<I> ingestion, Function<String, I> parseId) {
        this.path = path;
        this.ingestion = ingestion;
        this.parseId = parseId;
    }

    public void register(RoutesConfig routes) {
        routes.post(path + "/{id}/ingest", this::start);
        routes.get(path + "/{id}/status", this::status);
    }

    @OpenApi(
            path = STREAM_SOURCES + "/{id}/ingest",
            methods = HttpMethod.POST,
            summary = "Start refreshing a source's channels",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            queryParams = @OpenApiParam(name = "accept", type = Boolean.class, description = ACCEPT),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = IngestionStatusView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    @OpenApi(
            path = EPG_SOURCES + "/{id}/ingest",
            methods = HttpMethod.POST,
            summary = "Start refreshing a guide",
            tags = "epg",
            pathParams = @OpenApiParam(name = "id", required = true),
            queryParams = @OpenApiParam(name = "accept", type = Boolean.class, description = ACCEPT),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = IngestionStatusView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    /** The query parameter of the create routes that starts a first ingestion at once. */
    public static final String INGEST_NOW =
            "true: start reading the new source at once (its status shows the progress); default false";

    /** Starts the first ingestion of a source just created, when the request asks for it with ?ingest=true. */
    public void startIfAsked(Context ctx, I created) {
        if (QueryParams.bool(ctx, "ingest", false)) {
            ingestion.start(created);
        }
    }

    void start(Context ctx) {
        IngestMode mode = QueryParams.bool(ctx, "accept", false) ? IngestMode.ACCEPT_DROP : IngestMode.GUARDED;
        ctx.status(202).json(IngestionStatusView.of(ingestion.start(id(ctx), mode)));
    }

    @OpenApi(
            path = STREAM_SOURCES + "/{id}/status",
            methods = HttpMethod.GET,
            summary = "Ingestion progress or last outcome",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = IngestionStatusView.class)))
    @OpenApi(
            path = EPG_SOURCES + "/{id}/status",
            methods = HttpMethod.GET,
            summary = "Guide ingestion progress or last outcome",
            tags = "epg",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = IngestionStatusView.class)))
    void status(Context ctx) {
        ctx.json(IngestionStatusView.of(ingestion.status(id(ctx))));
    }

    private I id(Context ctx) {
        return parseId.apply(ctx.pathParam("id"));
    }
}
