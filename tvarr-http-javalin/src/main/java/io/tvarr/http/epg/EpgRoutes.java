package io.tvarr.http.epg;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.Page;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.in.BrowseGuideUseCase;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.QueryParams;
import io.tvarr.http.ingestion.IngestionEndpoints;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Guide sources (XMLTV, Xtream), their ingestion, and the stored guide. */
public final class EpgRoutes implements ApiRoutes {
    private final ManageEpgSourcesUseCase sources;
    private final IngestionEndpoints<EpgSourceId> ingestion;
    private final BrowseGuideUseCase guide;
    private final Clock clock;

    public EpgRoutes(
            ManageEpgSourcesUseCase sources,
            IngestSourceUseCase<EpgSourceId> ingestion,
            BrowseGuideUseCase guide,
            Clock clock) {
        this.sources = sources;
        this.ingestion = new IngestionEndpoints<>(IngestionEndpoints.EPG_SOURCES, ingestion, EpgSourceId::parse);
        this.guide = guide;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/sources/epg", this::list);
        routes.post("/api/v1/sources/epg", this::create);
        routes.get("/api/v1/sources/epg/{id}", this::get);
        routes.put("/api/v1/sources/epg/{id}", this::update);
        routes.delete("/api/v1/sources/epg/{id}", this::delete);
        ingestion.register(routes);
        routes.get("/api/v1/epg/channels", this::channels);
        routes.get("/api/v1/epg/programs", this::programmes);
        routes.get("/api/v1/epg/now", this::now);
    }

    @OpenApi(
            path = "/api/v1/sources/epg",
            methods = HttpMethod.GET,
            summary = "List guide sources",
            tags = "epg",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = EpgSourceView[].class)))
    void list(Context ctx) {
        ctx.json(sources.list().stream().map(EpgSourceView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/sources/epg",
            methods = HttpMethod.POST,
            summary = "Add an XMLTV or Xtream guide",
            tags = "epg",
            queryParams =
                    @OpenApiParam(name = "ingest", type = Boolean.class, description = IngestionEndpoints.INGEST_NOW),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = EpgSourceBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = EpgSourceView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void create(Context ctx) {
        EpgSource created =
                sources.create(JsonBodies.read(ctx, EpgSourceBody.class).toCommand());
        ingestion.startIfAsked(ctx, created.id());
        ctx.status(201).json(EpgSourceView.of(created));
    }

    @OpenApi(
            path = "/api/v1/sources/epg/{id}",
            methods = HttpMethod.GET,
            summary = "Get a guide source",
            tags = "epg",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = EpgSourceView.class)))
    void get(Context ctx) {
        ctx.json(EpgSourceView.of(sources.get(EpgSourceId.parse(ctx.pathParam("id")))));
    }

    @OpenApi(
            path = "/api/v1/sources/epg/{id}",
            methods = HttpMethod.PUT,
            summary = "Change a guide source",
            tags = "epg",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = EpgSourceBody.class)),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = EpgSourceView.class)))
    void update(Context ctx) {
        EpgSourceId id = EpgSourceId.parse(ctx.pathParam("id"));
        ctx.json(EpgSourceView.of(
                sources.update(id, JsonBodies.read(ctx, EpgSourceBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/sources/epg/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a guide source and its guide",
            tags = "epg",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "204"))
    void delete(Context ctx) {
        sources.delete(EpgSourceId.parse(ctx.pathParam("id")));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/epg/channels",
            methods = HttpMethod.GET,
            summary = "Guide channels, paged",
            tags = "epg",
            queryParams = {
                @OpenApiParam(name = "source"),
                @OpenApiParam(name = "page", type = Integer.class),
                @OpenApiParam(name = "size", type = Integer.class)
            },
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = EpgChannelPageView.class)))
    void channels(Context ctx) {
        Page<EpgChannel> page = guide.channels(
                source(ctx.queryParam("source")),
                QueryParams.integer(ctx, "page", 0),
                QueryParams.integer(ctx, "size", 100));
        ctx.json(new EpgChannelPageView(
                page.items().stream().map(EpgChannelView::of).toList(), page.page(), page.size(), page.total()));
    }

    @OpenApi(
            path = "/api/v1/epg/programs",
            methods = HttpMethod.GET,
            summary = "Programmes of a guide channel in a time range (default: now to 24 h ahead)",
            tags = "epg",
            queryParams = {
                @OpenApiParam(name = "channel", required = true),
                @OpenApiParam(name = "source"),
                @OpenApiParam(name = "from", description = "ISO-8601 instant"),
                @OpenApiParam(name = "to", description = "ISO-8601 instant"),
                @OpenApiParam(name = "page", type = Integer.class),
                @OpenApiParam(name = "size", type = Integer.class)
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProgrammeView[].class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void programmes(Context ctx) {
        String channel = ctx.queryParam("channel");
        if (channel == null || channel.isBlank()) {
            throw new ValidationException("channel: must be given");
        }
        Instant from = instant(ctx.queryParam("from"), "from", clock.instant());
        Instant to = instant(ctx.queryParam("to"), "to", from.plus(Duration.ofDays(1)));
        ctx.json(guide
                .programmes(
                        source(ctx.queryParam("source")),
                        channel,
                        from,
                        to,
                        QueryParams.integer(ctx, "page", 0),
                        QueryParams.integer(ctx, "size", 100))
                .stream()
                .map(ProgrammeView::of)
                .toList());
    }

    @OpenApi(
            path = "/api/v1/epg/now",
            methods = HttpMethod.GET,
            summary = "What is on now, per channel",
            tags = "epg",
            queryParams = {
                @OpenApiParam(name = "source", description = "comma-separated guide source ids"),
                @OpenApiParam(name = "limit", type = Integer.class)
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProgrammeView[].class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void now(Context ctx) {
        String sourceParam = ctx.queryParam("source");
        List<EpgSourceId> ids = sourceParam == null || sourceParam.isBlank()
                ? List.of()
                : Arrays.stream(sourceParam.split(","))
                        .map(String::strip)
                        .map(EpgSourceId::parse)
                        .toList();
        ctx.json(guide.now(ids, QueryParams.integer(ctx, "limit", 1000)).stream()
                .map(ProgrammeView::of)
                .toList());
    }

    private static @Nullable EpgSourceId source(@Nullable String value) {
        return value == null || value.isBlank() ? null : EpgSourceId.parse(value);
    }

    private static Instant instant(@Nullable String value, String name, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    name + ": '" + value + "' (expected: an ISO-8601 instant such as 2026-01-01T18:00:00Z)");
        }
    }
}
