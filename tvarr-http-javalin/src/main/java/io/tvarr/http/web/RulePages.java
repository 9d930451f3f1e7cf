package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.mapping.port.in.ManageMappingRulesUseCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mapping rule pages: the rules in the order they apply, moved up or down by buttons (reachable by keyboard),
 * and an editor that checks the expression as it is typed and previews what it changes.
 */
final class RulePages {
    private static final String PATH = "/rules";

    private final ManageMappingRulesUseCase rules;
    private final ExpressionChecker checker;
    private final Templates templates;
    private final WebAssets assets;

    RulePages(WebUseCases useCases, Templates templates, WebAssets assets) {
        this.rules = useCases.mappingRules();
        this.checker = new ExpressionChecker(useCases.expressions(), useCases.expressionPreview());
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/new", this::newForm);
        routes.get(PATH + "/check", this::check);
        routes.post(PATH, this::create);
        routes.post(PATH + "/order", this::order);
        routes.get(PATH + "/{id}", this::editForm);
        routes.post(PATH + "/{id}", this::update);
        routes.post(PATH + "/{id}/up", ctx -> move(ctx, -1));
        routes.post(PATH + "/{id}/down", ctx -> move(ctx, 1));
        routes.get(PATH + "/{id}/delete", this::confirmDelete);
        routes.post(PATH + "/{id}/delete", this::delete);
    }

    void list(Context ctx) {
        list(ctx, 200, "");
    }

    private void list(Context ctx, int status, String refusal) {
        templates.render(
                ctx,
                status,
                "rules.jte",
                Map.of("layout", layout(ctx, "Mapping rules"), "rules", rules.list(), "refusal", refusal));
    }

    /** A whole new order, as a dragged row leaves the list: every rule's id, comma-separated, first to last. */
    void order(Context ctx) {
        String given = Objects.requireNonNullElse(ctx.formParam("order"), "");
        try {
            List<MappingRuleId> order = new ArrayList<>();
            for (String id : given.split(",", -1)) {
                order.add(MappingRuleId.parse(id.strip()));
            }
            rules.reorder(order);
        } catch (ValidationException e) {
            list(ctx, 400, e.getMessage() == null ? "order: not saved" : e.getMessage());
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    void newForm(Context ctx) {
        form(ctx, 200, RuleForm.empty(), FormErrors.NONE, null);
    }

    void create(Context ctx) {
        RuleForm form = RuleForm.read(ctx);
        try {
            rules.create(form.toCommand());
        } catch (ValidationException | ConflictException e) {
            form(ctx, 400, form, FormErrors.of(e, RuleForm.FIELDS), null);
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    void editForm(Context ctx) {
        DataMappingRule rule = rule(ctx);
        form(ctx, 200, RuleForm.of(rule), FormErrors.NONE, rule.id().toString());
    }

    void update(Context ctx) {
        DataMappingRule stored = rule(ctx);
        RuleForm form = RuleForm.read(ctx);
        try {
            rules.update(stored.id(), form.toCommand());
        } catch (ValidationException | ConflictException e) {
            form(ctx, 400, form, FormErrors.of(e, RuleForm.FIELDS), stored.id().toString());
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    /** The check panel alone, for htmx while the expression is typed; a GET, since it changes nothing. */
    void check(Context ctx) {
        ExpressionCheck check = checker.check(
                RuleForm.domain(ctx.queryParam("domain")),
                Objects.requireNonNullElse(ctx.queryParam("expression"), ""));
        templates.render(ctx, "expressionCheck.jte", Map.of("check", check));
    }

    /** Swaps the rule with its neighbour: {@code by} -1 moves it earlier, 1 later. */
    void move(Context ctx, int by) {
        MappingRuleId id = rule(ctx).id();
        List<MappingRuleId> order =
                new ArrayList<>(rules.list().stream().map(DataMappingRule::id).toList());
        int at = order.indexOf(id);
        int to = at + by;
        if (to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, id);
            rules.reorder(order);
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    void confirmDelete(Context ctx) {
        DataMappingRule rule = rule(ctx);
        templates.render(
                ctx,
                "confirmDelete.jte",
                Map.of(
                        "layout", layout(ctx, "Delete " + rule.name()),
                        "what", "mapping rule '" + rule.name() + "' (proxies using it stop applying it)",
                        "action", PATH + "/" + rule.id() + "/delete",
                        "back", PATH + "/" + rule.id()));
    }

    void delete(Context ctx) {
        rules.delete(rule(ctx).id());
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, int status, RuleForm form, FormErrors errors, @Nullable String editing) {
        ExpressionDomain domain;
        try {
            domain = RuleForm.domain(form.domain());
        } catch (ValidationException e) {
            domain = ExpressionDomain.STREAM_MAPPING;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("layout", layout(ctx, editing == null ? "New mapping rule" : form.name()));
        params.put("form", form);
        params.put("errors", errors);
        params.put("fields", checker.expressions().fields(domain));
        params.put("check", checker.check(domain, form.expression()));
        params.put("action", editing == null ? PATH : PATH + "/" + editing);
        params.put("deletePath", editing == null ? "" : PATH + "/" + editing + "/delete");
        templates.render(ctx, status, "ruleForm.jte", params);
    }

    private DataMappingRule rule(Context ctx) {
        return rules.get(MappingRuleId.parse(ctx.pathParam("id")));
    }

    private Layout layout(Context ctx, String title) {
        return Layout.of(ctx, assets, title, "rules");
    }
}
