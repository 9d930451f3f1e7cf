package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ListedOverride;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageChannelOverridesUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A proxy's channel overrides page, {@code /proxies/{id}/overrides}: the overrides with the orphaned ones marked, a
 * form to set one (prefilled from {@code ?channel=}), and removal. Registered beside {@link WebRoutes}, with its own
 * use cases.
 */
public final class OverridePages implements ApiRoutes {
    private static final String PATH = "/proxies/{id}/overrides";

    private final ManageProxiesUseCase proxies;
    private final ManageChannelOverridesUseCase overrides;
    private final Templates templates = new Templates();
    private final WebAssets assets = WebAssets.fromClassPath();

    public OverridePages(ManageProxiesUseCase proxies, ManageChannelOverridesUseCase overrides) {
        this.proxies = proxies;
        this.overrides = overrides;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.post(PATH, this::set);
        routes.post(PATH + "/{channelId}/delete", this::remove);
    }

    void show(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        String channel = ctx.queryParam("channel");
        OverrideForm form = channel == null || channel.isBlank()
                ? OverrideForm.empty("")
                : overrides.list(proxy.id()).stream()
                        .filter(o -> o.override().channel().toString().equals(channel.strip()))
                        .map(o -> OverrideForm.of(o.override()))
                        .findFirst()
                        .orElse(OverrideForm.empty(channel.strip()));
        render(ctx, 200, proxy, form, FormErrors.NONE);
    }

    void set(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        OverrideForm form = OverrideForm.read(ctx);
        try {
            overrides.set(form.toCommand(proxy.id()));
        } catch (ValidationException | NotFoundException e) {
            render(ctx, 400, proxy, form, FormErrors.of(e, OverrideForm.FIELDS));
            return;
        }
        ctx.redirect("/proxies/" + proxy.id() + "/overrides", HttpStatus.SEE_OTHER);
    }

    void remove(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        overrides.remove(proxy.id(), ChannelId.parse(ctx.pathParam("channelId")));
        ctx.redirect("/proxies/" + proxy.id() + "/overrides", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, StreamProxy proxy, OverrideForm form, FormErrors errors) {
        List<ListedOverride> listed = overrides.list(proxy.id());
        Map<String, Object> params = new HashMap<>();
        params.put("layout", Layout.of(ctx, assets, "Channel overrides: " + proxy.name(), "proxies"));
        params.put("proxyId", proxy.id().toString());
        params.put("overrides", listed);
        params.put("form", form);
        params.put("errors", errors);
        templates.render(ctx, status, "overrides.jte", params);
    }

    private StreamProxy proxy(Context ctx) {
        return proxies.find(ctx.pathParam("id"));
    }
}
