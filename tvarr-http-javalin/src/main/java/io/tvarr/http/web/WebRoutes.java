package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.http.ApiRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web interface's pages and its own assets ({@code /assets/tvarr.css}, {@code /assets/tvarr.js}). The admin
 * gate guards the pages like the API: an anonymous browser is sent to the login page.
 */
public final class WebRoutes implements ApiRoutes {
    private final DashboardPage dashboard;
    private final SourcePages sources;
    private final SourcePages guides;
    private final ProxyPages proxies;
    private final ChannelsPage channels;
    private final FilterPages filters;
    private final RulePages rules;
    private final byte[] style = asset("tvarr.css");
    private final byte[] script = asset("tvarr.js");

    public WebRoutes(WebUseCases useCases) {
        Templates templates = new Templates();
        WebAssets assets = WebAssets.fromClassPath();
        this.sources = new SourcePages(
                new ChannelSourceCatalog(useCases.sources(), useCases.sourceIngestion()),
                useCases.jobs(),
                templates,
                assets);
        this.guides = new SourcePages(
                new GuideCatalog(useCases.guides(), useCases.guideIngestion()), useCases.jobs(), templates, assets);
        this.dashboard = new DashboardPage(sources, guides, useCases, templates, assets);
        this.proxies = new ProxyPages(useCases, templates, assets);
        this.channels = new ChannelsPage(useCases.channels(), templates, assets);
        this.filters = new FilterPages(useCases, templates, assets);
        this.rules = new RulePages(useCases, templates, assets);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(WebAssets.STYLE, ctx -> serve(ctx, style, "text/css; charset=utf-8"));
        routes.get(WebAssets.SCRIPT, ctx -> serve(ctx, script, "text/javascript; charset=utf-8"));
        dashboard.register(routes);
        sources.register(routes);
        guides.register(routes);
        proxies.register(routes);
        channels.register(routes);
        filters.register(routes);
        rules.register(routes);
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
