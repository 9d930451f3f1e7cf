package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The proxy pages: list, create and edit (sources, guides, filters, rules, numbering, delivery mode), regenerate
 * with the report shown, delete after a confirmation, and every URL a player is given.
 */
final class ProxyPages {
    private static final String PATH = "/proxies";

    private final WebUseCases useCases;
    private final ProxyChoices choices;
    private final Templates templates;
    private final WebAssets assets;

    ProxyPages(WebUseCases useCases, Templates templates, WebAssets assets) {
        this.useCases = useCases;
        this.choices = new ProxyChoices(useCases);
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/new", this::newForm);
        routes.post(PATH, this::create);
        routes.get(PATH + "/{id}", this::show);
        routes.get(PATH + "/{id}/edit", this::editForm);
        routes.post(PATH + "/{id}", this::update);
        routes.post(PATH + "/{id}/regenerate", this::regenerate);
        routes.get(PATH + "/{id}/delete", this::confirmDelete);
        routes.post(PATH + "/{id}/delete", this::delete);
    }

    void list(Context ctx) {
        List<ProxyDetail> proxies =
                useCases.proxies().list().stream().map(p -> detail(p, null)).toList();
        templates.render(ctx, "proxies.jte", Map.of("layout", layout(ctx, "Proxies"), "proxies", proxies));
    }

    void newForm(Context ctx) {
        form(ctx, 200, ProxyForm.empty(), FormErrors.NONE, null);
    }

    void create(Context ctx) {
        ProxyForm form = ProxyForm.read(ctx);
        StreamProxy created;
        try {
            created = useCases.proxies().create(form.toCommand(null));
        } catch (ValidationException | ConflictException | NotFoundException e) {
            form(ctx, 400, form, FormErrors.of(e, ProxyForm.FIELDS), null);
            return;
        }
        ctx.redirect(PATH + "/" + created.id(), HttpStatus.SEE_OTHER);
    }

    void show(Context ctx) {
        render(ctx, proxy(ctx), null);
    }

    void editForm(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        form(ctx, 200, ProxyForm.of(proxy), FormErrors.NONE, proxy.id().toString());
    }

    void update(Context ctx) {
        StreamProxy stored = proxy(ctx);
        ProxyForm form = ProxyForm.read(ctx);
        try {
            useCases.proxies().update(stored.id(), form.toCommand(stored));
        } catch (ValidationException | ConflictException | NotFoundException e) {
            form(ctx, 400, form, FormErrors.of(e, ProxyForm.FIELDS), stored.id().toString());
            return;
        }
        ctx.redirect(PATH + "/" + stored.id(), HttpStatus.SEE_OTHER);
    }

    /** Runs the generation now and shows its report on the proxy's page. */
    void regenerate(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        render(ctx, proxy, useCases.generation().generate(proxy.id()));
    }

    void confirmDelete(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        String back = PATH + "/" + proxy.id();
        templates.render(
                ctx,
                "confirmDelete.jte",
                Map.of(
                        "layout",
                        layout(ctx, "Delete " + proxy.name()),
                        "what",
                        "proxy '" + proxy.name() + "' and its published playlist and guide",
                        "action",
                        back + "/delete",
                        "back",
                        back));
    }

    void delete(Context ctx) {
        ProxyId id = proxy(ctx).id();
        useCases.proxies().delete(id);
        useCases.generation().discard(id);
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, StreamProxy proxy, @Nullable GenerationReport report) {
        templates.render(
                ctx, "proxy.jte", Map.of("layout", layout(ctx, proxy.name()), "detail", detail(proxy, report)));
    }

    private void form(Context ctx, int status, ProxyForm form, FormErrors errors, @Nullable String editing) {
        Map<String, Object> params = new HashMap<>();
        params.put("layout", layout(ctx, editing == null ? "New proxy" : "Edit " + form.name()));
        params.put("form", form);
        params.put("errors", errors);
        params.put("choices", choices);
        params.put("action", editing == null ? PATH : PATH + "/" + editing);
        templates.render(ctx, status, "proxyForm.jte", params);
    }

    private ProxyDetail detail(StreamProxy p, @Nullable GenerationReport report) {
        return new ProxyDetail(
                p,
                ProxyChoices.names(choices.sources(), p.sources()),
                ProxyChoices.names(choices.guides(), p.epgSources()),
                ProxyChoices.names(
                        choices.filters(),
                        p.filters().stream().map(f -> f.filterId()).toList()),
                rules(p),
                useCases.outputAccess().read(p.id()),
                useCases.outputAccess().urls(p.id()),
                useCases.generation().status(p.id()),
                report);
    }

    /** The rules' names in order, a rule switched off for this proxy said so. */
    private List<String> rules(StreamProxy p) {
        List<String> names = ProxyChoices.names(
                choices.rules(), p.mappingRules().stream().map(r -> r.ruleId()).toList());
        List<String> shown = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            shown.add(names.get(i) + (p.mappingRules().get(i).active() ? "" : " (switched off)"));
        }
        return shown;
    }

    private StreamProxy proxy(Context ctx) {
        return useCases.proxies().get(ProxyId.parse(ctx.pathParam("id")));
    }

    private Layout layout(Context ctx, String title) {
        return Layout.of(ctx, assets, title, "proxies");
    }
}
