package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterId;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filter pages: list, and an editor that checks the expression while it is typed (the problem's column marked)
 * and previews what it matches in the stored channels or programmes; delete after a confirmation.
 */
final class FilterPages {
    private static final String PATH = "/filters";

    private final WebUseCases useCases;
    private final ExpressionChecker checker;
    private final Templates templates;
    private final WebAssets assets;

    FilterPages(WebUseCases useCases, Templates templates, WebAssets assets) {
        this.useCases = useCases;
        this.checker = new ExpressionChecker(useCases.expressions(), useCases.expressionPreview());
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/new", this::newForm);
        routes.get(PATH + "/check", this::check);
        routes.post(PATH, this::create);
        routes.get(PATH + "/{id}", this::editForm);
        routes.post(PATH + "/{id}", this::update);
        routes.get(PATH + "/{id}/delete", this::confirmDelete);
        routes.post(PATH + "/{id}/delete", this::delete);
    }

    void list(Context ctx) {
        templates.render(
                ctx,
                "filters.jte",
                Map.of(
                        "layout",
                        layout(ctx, "Filters"),
                        "filters",
                        useCases.filters().list()));
    }

    void newForm(Context ctx) {
        form(ctx, 200, FilterForm.empty(), FormErrors.NONE, null);
    }

    void create(Context ctx) {
        FilterForm form = FilterForm.read(ctx);
        try {
            useCases.filters().create(form.toCommand());
        } catch (ValidationException | ConflictException e) {
            form(ctx, 400, form, FormErrors.of(e, FilterForm.FIELDS), null);
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    void editForm(Context ctx) {
        Filter filter = filter(ctx);
        form(ctx, 200, FilterForm.of(filter), FormErrors.NONE, filter.id().toString());
    }

    void update(Context ctx) {
        Filter stored = filter(ctx);
        FilterForm form = FilterForm.read(ctx);
        try {
            useCases.filters().update(stored.id(), form.toCommand());
        } catch (ValidationException | ConflictException e) {
            form(
                    ctx,
                    400,
                    form,
                    FormErrors.of(e, FilterForm.FIELDS),
                    stored.id().toString());
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    /**
     * The check panel alone, for htmx while the expression is typed: a GET, since it changes nothing (and so is
     * not written to the audit trail at every key).
     */
    void check(Context ctx) {
        templates.render(ctx, "expressionCheck.jte", Map.of("check", check(FilterForm.query(ctx))));
    }

    void confirmDelete(Context ctx) {
        Filter filter = filter(ctx);
        templates.render(
                ctx,
                "confirmDelete.jte",
                Map.of(
                        "layout", layout(ctx, "Delete " + filter.name()),
                        "what", "filter '" + filter.name() + "' (proxies using it stop applying it)",
                        "action", PATH + "/" + filter.id() + "/delete",
                        "back", PATH + "/" + filter.id()));
    }

    void delete(Context ctx) {
        useCases.filters().delete(filter(ctx).id());
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    private ExpressionCheck check(FilterForm form) {
        return checker.check(form.parsedDomain(), form.expression());
    }

    private void form(Context ctx, int status, FilterForm form, FormErrors errors, @Nullable String editing) {
        ExpressionDomain domain;
        try {
            domain = form.parsedDomain();
        } catch (ValidationException e) {
            domain = ExpressionDomain.STREAM_FILTER;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("layout", layout(ctx, editing == null ? "New filter" : form.name()));
        params.put("form", form);
        params.put("errors", errors);
        params.put("fields", useCases.expressions().fields(domain));
        params.put("check", check(new FilterForm(form.name(), Shown.wire(domain), form.action(), form.expression())));
        params.put("action", editing == null ? PATH : PATH + "/" + editing);
        params.put("deletePath", editing == null ? "" : PATH + "/" + editing + "/delete");
        templates.render(ctx, status, "filterForm.jte", params);
    }

    private Filter filter(Context ctx) {
        return useCases.filters().get(FilterId.parse(ctx.pathParam("id")));
    }

    private Layout layout(Context ctx, String title) {
        return Layout.of(ctx, assets, title, "filters");
    }
}
