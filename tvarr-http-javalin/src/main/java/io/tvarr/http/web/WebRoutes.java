package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.problem.ErrorPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web interface's pages and its own assets ({@code /assets/tvarr.css}, {@code /assets/tvarr.js}). The admin
 * gate guards the pages like the API: an anonymous browser is sent to the login page.
 */
public final class WebRoutes implements ApiRoutes, ErrorPage {
    private final DashboardPage dashboard;
    private final SourcePages sources;
    private final SourcePages guides;
    private final ProxyPages proxies;
    private final ChannelsPage channels;
    private final FilterPages filters;
    private final RulePages rules;
    private final JobHistoryPage jobHistory;
    private final RelayProfilePages relayProfiles;
    private final SystemPage system;
    private final GuideGridPage guideGrid;
    private final XtreamTestPage xtreamTest;
    private final Templates templates = new Templates();
    private final WebAssets assets = WebAssets.fromClassPath();
    private final byte[] style = asset("tvarr.css");
    private final byte[] script = asset("tvarr.js");

    public WebRoutes(WebUseCases useCases) {
        this.sources = new SourcePages(
                new ChannelSourceCatalog(
                        useCases.sources(),
                        useCases.sourceIngestion(),
                        useCases.streamHealth(),
                        useCases.streamChecks(),
                        useCases.playlistUploads()),
                useCases.jobs(),
                templates,
                assets);
        this.guides = new SourcePages(
                new GuideCatalog(useCases.guides(), useCases.guideIngestion(), useCases.guideUploads()),
                useCases.jobs(),
                templates,
                assets);
        this.dashboard = new DashboardPage(sources, guides, useCases, templates, assets);
        this.proxies = new ProxyPages(useCases, templates, assets);
        this.channels = new ChannelsPage(useCases, templates, assets);
        this.filters = new FilterPages(useCases, templates, assets);
        this.rules = new RulePages(useCases, templates, assets);
        this.jobHistory = new JobHistoryPage(useCases.jobs(), templates, assets);
        this.relayProfiles = new RelayProfilePages(useCases.relayProfiles(), templates, assets);
        this.guideGrid = new GuideGridPage(useCases, templates, assets);
        this.xtreamTest = new XtreamTestPage(useCases.xtreamAccountTest(), templates);
        this.system = new SystemPage(useCases, templates, assets);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(WebAssets.STYLE, ctx -> serve(ctx, style, "text/css; charset=utf-8"));
        routes.get(WebAssets.SCRIPT, ctx -> serve(ctx, script, "text/javascript; charset=utf-8"));
        // before the sources' pages: POST /sources/{id} would take /sources/test-xtream for a source id
        xtreamTest.register(routes);
        dashboard.register(routes);
        sources.register(routes);
        guides.register(routes);
        proxies.register(routes);
        channels.register(routes);
        filters.register(routes);
        rules.register(routes);
        jobHistory.register(routes);
        relayProfiles.register(routes);
        system.register(routes);
        guideGrid.register(routes);
    }

    /**
     * A browser's page request: it asks for HTML and is not under {@code /api/}, whose answers stay problem documents
     * whoever asks.
     */
    @Override
    public boolean wants(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html") && !ctx.path().startsWith("/api/");
    }

    @Override
    public void render(Context ctx, int status, String title, String detail) {
        String heading = status == 404 ? "Not found" : title;
        templates.render(
                ctx,
                status,
                "error.jte",
                Map.of("layout", Layout.forError(ctx, assets, heading), "status", status, "detail", detail));
    }

    private static void serve(Context ctx, byte[] body, String type) {
        ctx.contentType(type).header("Cache-Control", "max-age=3600").result(body);
    }

    private static byte[] asset(String name) {
        try (InputStream in = WebRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("web asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("web asset " + name + " not readable", e);
        }
    }
}
