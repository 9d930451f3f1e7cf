package io.tvarr.http.logo;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.Page;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.logo.CachedLogo;
import io.tvarr.domain.logo.LogoFailure;
import io.tvarr.domain.logo.LogoQuery;
import io.tvarr.domain.logo.port.in.BrowseLogosUseCase;
import io.tvarr.domain.logo.port.in.RemoveLogosUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.QueryParams;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The logo cache as an admin looks at it: cached logos and failed downloads, paged and searched by URL, and removed
 * by hand. Source URLs are answered with their credentials masked, like every URL tvarr shows.
 */
public final class LogoCatalogueRoutes implements ApiRoutes {
    private final BrowseLogosUseCase logos;
    private final RemoveLogosUseCase removal;

    public LogoCatalogueRoutes(BrowseLogosUseCase logos, RemoveLogosUseCase removal) {
        this.logos = logos;
        this.removal = removal;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/logos", this::cached);
        // before /api/v1/logos/{sha256}: the fixed path must win
        routes.get("/api/v1/logos/failures", this::failed);
        routes.delete("/api/v1/logos/failures", this::clearFailures);
        routes.delete("/api/v1/logos/{sha256}", this::delete);
    }

    static LogoQuery query(Context ctx) {
        return new LogoQuery(
                ctx.queryParam("q"), QueryParams.integer(ctx, "page", 0), QueryParams.integer(ctx, "size", 50));
    }

    @OpenApi(
            path = "/api/v1/logos",
            methods = HttpMethod.GET,
            summary = "Page through the cached logos, newest download first",
            tags = "logos",
            queryParams = {
                @OpenApiParam(name = "q", description = "text in the logo's source URL"),
                @OpenApiParam(name = "page", type = Integer.class, description = "zero-based"),
                @OpenApiParam(name = "size", type = Integer.class, description = "1-1000, 50 by default")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = LogoPageView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void cached(Context ctx) {
        ctx.json(LogoPageView.of(logos.cached(query(ctx))));
    }

    @OpenApi(
            path = "/api/v1/logos/failures",
            methods = HttpMethod.GET,
            summary = "Page through the logo URLs whose last download failed, most recent first",
            tags = "logos",
            queryParams = {
                @OpenApiParam(name = "q", description = "text in the logo's URL"),
                @OpenApiParam(name = "page", type = Integer.class, description = "zero-based"),
                @OpenApiParam(name = "size", type = Integer.class, description = "1-1000, 50 by default")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = LogoFailurePageView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void failed(Context ctx) {
        ctx.json(LogoFailurePageView.of(logos.failed(query(ctx))));
    }

    @OpenApi(
            path = "/api/v1/logos/failures",
            methods = HttpMethod.DELETE,
            summary = "Forget every failed logo download; the next generation tries them again",
            tags = "logos",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ClearedView.class)))
    void clearFailures(Context ctx) {
        ctx.json(new ClearedView(removal.clearFailures()));
    }

    @OpenApi(
            path = "/api/v1/logos/{sha256}",
            methods = HttpMethod.DELETE,
            summary = "Remove a cached logo; a channel still using it downloads it again at the next generation",
            tags = "logos",
            pathParams = @OpenApiParam(name = "sha256", required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void delete(Context ctx) {
        removal.delete(ctx.pathParam("sha256"));
        ctx.status(204);
    }

    /** One page of cached logos. */
    record LogoPageView(List<CachedLogoView> items, int page, int size, long total) {
        static LogoPageView of(Page<CachedLogo> page) {
            return new LogoPageView(
                    page.items().stream().map(CachedLogoView::of).toList(), page.page(), page.size(), page.total());
        }
    }

    /**
     * A cached logo; {@code url} is the path to serve it from, {@code originalUrl} where it came from (masked, null
     * for uploads), and the failure fields tell about the last refresh when it failed (the older bytes are served).
     */
    record CachedLogoView(
            String sha256,
            String url,
            String contentType,
            long size,
            @OpenApiNullable @Nullable String originalUrl,
            Instant fetchedAt,
            int failures,
            @OpenApiNullable @Nullable String lastFailure,
            @OpenApiNullable @Nullable Instant lastFailedAt) {
        static CachedLogoView of(CachedLogo logo) {
            var a = logo.asset();
            LogoFailure f = logo.lastFailure();
            return new CachedLogoView(
                    a.sha256(),
                    "/logos/" + a.fileName(),
                    a.contentType(),
                    a.size(),
                    a.originalUrl() == null ? null : Redaction.redactUrl(a.originalUrl()),
                    a.fetchedAt(),
                    f == null ? 0 : f.failures(),
                    f == null ? null : f.reason(),
                    f == null ? null : f.lastFailedAt());
        }
    }

    /** One page of failed logo downloads. */
    record LogoFailurePageView(List<LogoFailureView> items, int page, int size, long total) {
        static LogoFailurePageView of(Page<LogoFailure> page) {
            return new LogoFailurePageView(
                    page.items().stream().map(LogoFailureView::of).toList(), page.page(), page.size(), page.total());
        }
    }

    /** A logo URL (masked) whose last download failed, why, and how many times in a row. */
    record LogoFailureView(String url, String reason, int failures, Instant firstFailedAt, Instant lastFailedAt) {
        static LogoFailureView of(LogoFailure f) {
            return new LogoFailureView(
                    Redaction.redactUrl(f.url()), f.reason(), f.failures(), f.firstFailedAt(), f.lastFailedAt());
        }
    }

    /** How many failed downloads were forgotten. */
    record ClearedView(int cleared) {}
}
