package io.tvarr.http.epg;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.in.UploadGuideCommand;
import io.tvarr.domain.epg.port.in.UploadGuideUseCase;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.UploadHandlers;
import io.tvarr.http.ingestion.IngestionEndpoints;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.Set;

/** XMLTV guides uploaded as files (plain or gzip): a new guide source reading one, or an existing one's replaced. */
public final class GuideUploadRoutes implements ApiRoutes {
    private static final String NEW = IngestionEndpoints.EPG_SOURCES + "/upload";
    private static final String FILE = IngestionEndpoints.EPG_SOURCES + "/{id}/file";
    private static final Set<String> TYPES =
            Set.of("application/xml", "text/xml", "application/gzip", "application/x-gzip");

    private final UploadGuideUseCase uploads;
    private final UploadHandlers<EpgSourceId, EpgSource> handlers;

    public GuideUploadRoutes(UploadGuideUseCase uploads, IngestSourceUseCase<EpgSourceId> ingestion) {
        this.uploads = uploads;
        var refresh = new IngestionEndpoints<>(IngestionEndpoints.EPG_SOURCES, ingestion, EpgSourceId::parse);
        this.handlers = new UploadHandlers<>(TYPES, EpgSource::id, EpgSourceView::of, refresh::startIfAsked);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(NEW, this::create);
        routes.put(FILE, this::replace);
    }

    @OpenApi(
            path = NEW,
            methods = HttpMethod.POST,
            summary = "Add an XMLTV guide source reading an uploaded guide (raw body, or multipart field 'file'; gzip"
                    + " too), kept under <data_dir>/uploads; at most sources.max_upload_bytes",
            tags = "epg",
            queryParams = {
                @OpenApiParam(name = "name", required = true, description = "the new guide source's name"),
                @OpenApiParam(name = "ingest", type = Boolean.class, description = IngestionEndpoints.INGEST_NOW)
            },
            requestBody =
                    @OpenApiRequestBody(
                            content = {
                                @OpenApiContent(type = "application/xml"),
                                @OpenApiContent(type = "text/xml"),
                                @OpenApiContent(type = "application/gzip"),
                                @OpenApiContent(type = "multipart/form-data")
                            }),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = EpgSourceView.class)),
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
        handlers.create(ctx, (name, guide) -> uploads.upload(UploadGuideCommand.newSource(name, guide)));
    }

    @OpenApi(
            path = FILE,
            methods = HttpMethod.PUT,
            summary = "Replace an XMLTV guide source's file with an uploaded one (raw body, or multipart field 'file';"
                    + " gzip too); the previous upload is deleted",
            tags = "epg",
            pathParams = @OpenApiParam(name = "id", required = true),
            queryParams =
                    @OpenApiParam(name = "ingest", type = Boolean.class, description = IngestionEndpoints.INGEST_NOW),
            requestBody =
                    @OpenApiRequestBody(
                            content = {
                                @OpenApiContent(type = "application/xml"),
                                @OpenApiContent(type = "text/xml"),
                                @OpenApiContent(type = "application/gzip"),
                                @OpenApiContent(type = "multipart/form-data")
                            }),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = EpgSourceView.class)),
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
        EpgSourceId id = EpgSourceId.parse(ctx.pathParam("id"));
        handlers.replace(ctx, guide -> uploads.upload(UploadGuideCommand.replace(id, guide)));
    }
}
