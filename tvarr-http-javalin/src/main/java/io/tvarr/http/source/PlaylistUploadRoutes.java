package io.tvarr.http.source;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.UploadPlaylistCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.UploadHandlers;
import io.tvarr.http.ingestion.IngestionEndpoints;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.Set;

/** M3U playlists uploaded as files: a new source reading one, or an existing source's file replaced. */
public final class PlaylistUploadRoutes implements ApiRoutes {
    private static final String NEW = IngestionEndpoints.STREAM_SOURCES + "/upload";
    private static final String FILE = IngestionEndpoints.STREAM_SOURCES + "/{id}/file";
    private static final Set<String> TYPES = Set.of(
            "application/x-mpegurl",
            "audio/x-mpegurl",
            "audio/mpegurl",
            "application/vnd.apple.mpegurl",
            "application/gzip");

    private final UploadPlaylistUseCase uploads;
    private final UploadHandlers<SourceId, StreamSource> handlers;

    public PlaylistUploadRoutes(UploadPlaylistUseCase uploads, IngestSourceUseCase<SourceId> ingestion) {
        this.uploads = uploads;
        var refresh = new IngestionEndpoints<>(IngestionEndpoints.STREAM_SOURCES, ingestion, SourceId::parse);
        this.handlers = new UploadHandlers<>(TYPES, StreamSource::id, StreamSourceView::of, refresh::startIfAsked);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(NEW, this::create);
        routes.put(FILE, this::replace);
    }

    @OpenApi(
            path = NEW,
            methods = HttpMethod.POST,
            summary = "Add an M3U source reading an uploaded playlist (raw body, or multipart field 'file'; gzip"
                    + " too), kept under <data_dir>/uploads; at most sources.max_upload_bytes",
            tags = "sources",
            queryParams = {
                @OpenApiParam(name = "name", required = true, description = "the new source's name"),
                @OpenApiParam(name = "ingest", type = Boolean.class, description = IngestionEndpoints.INGEST_NOW)
            },
            requestBody =
                    @OpenApiRequestBody(
                            content = {
                                @OpenApiContent(type = "application/x-mpegurl"),
                                @OpenApiContent(type = "audio/x-mpegurl"),
                                @OpenApiContent(type = "application/gzip"),
                                @OpenApiContent(type = "multipart/form-data")
                            }),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = StreamSourceView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "413",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "415",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void create(Context ctx) {
        handlers.create(ctx, (name, playlist) -> uploads.upload(UploadPlaylistCommand.newSource(name, playlist)));
    }

    @OpenApi(
            path = FILE,
            methods = HttpMethod.PUT,
            summary = "Replace an M3U source's playlist with an uploaded one (raw body, or multipart field 'file';"
                    + " gzip too); the previous upload is deleted",
            tags = "sources",
            pathParams = @OpenApiParam(name = "id", required = true),
            queryParams =
                    @OpenApiParam(name = "ingest", type = Boolean.class, description = IngestionEndpoints.INGEST_NOW),
            requestBody =
                    @OpenApiRequestBody(
                            content = {
                                @OpenApiContent(type = "application/x-mpegurl"),
                                @OpenApiContent(type = "audio/x-mpegurl"),
                                @OpenApiContent(type = "application/gzip"),
                                @OpenApiContent(type = "multipart/form-data")
                            }),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = StreamSourceView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "413",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "415",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void replace(Context ctx) {
        SourceId id = SourceId.parse(ctx.pathParam("id"));
        handlers.replace(ctx, playlist -> uploads.upload(UploadPlaylistCommand.replace(id, playlist)));
    }
}
