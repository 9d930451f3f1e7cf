package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.logo.LogoQuery;
import io.tvarr.domain.logo.port.in.BrowseLogosUseCase;
import io.tvarr.domain.logo.port.in.RemoveLogosUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.QueryParams;
import java.util.Map;
import java.util.Objects;

/**
 * The logos page, {@code /cached-logos}: the cache or the failed downloads, searched by URL and paged by the store,
 * with removing one logo and clearing the failures. Not under {@code /logos}: that prefix is the players' door, open
 * without a login. Registered beside {@link WebRoutes}, with its own use cases.
 */
public final class LogoPages implements ApiRoutes {
    static final String PATH = "/cached-logos";
    static final int PAGE_SIZE = 50;

    private final BrowseLogosUseCase logos;
    private final RemoveLogosUseCase removal;
    private final Templates templates = new Templates();
    private final WebAssets assets = WebAssets.fromClassPath();

    public LogoPages(BrowseLogosUseCase logos, RemoveLogosUseCase removal) {
        this.logos = logos;
        this.removal = removal;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.post(PATH + "/failures/clear", this::clearFailures);
        routes.post(PATH + "/{sha256}/delete", this::delete);
    }

    void list(Context ctx) {
        String text = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        boolean failed = "failed".equals(ctx.queryParam("show"));
        LogoQuery query = new LogoQuery(text, QueryParams.integer(ctx, "page", 0), PAGE_SIZE);
        LogoListing listing = failed
                ? LogoListing.failed(logos.failed(query), text, logos.failedCount())
                : LogoListing.cached(logos.cached(query), text, logos.failedCount());
        templates.render(
                ctx, "logos.jte", Map.of("layout", Layout.of(ctx, assets, "Logos", "logos"), "listing", listing));
    }

    void delete(Context ctx) {
        removal.delete(ctx.pathParam("sha256"));
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    void clearFailures(Context ctx) {
        removal.clearFailures();
        ctx.redirect(PATH + "?show=failed", HttpStatus.SEE_OTHER);
    }
}
