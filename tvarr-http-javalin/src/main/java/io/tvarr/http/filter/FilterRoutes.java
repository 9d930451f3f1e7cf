package io.tvarr.http.filter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionField;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.filter.port.in.CheckExpressionUseCase;
import io.tvarr.domain.filter.port.in.ManageFiltersUseCase;
import io.tvarr.domain.filter.port.in.PreviewExpressionUseCase;
import io.tvarr.domain.filter.port.in.PreviewQuery;
import io.tvarr.domain.filter.port.in.PreviewResult;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.mapping.port.in.ManageMappingRulesUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.EnumParam;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.List;

/** Filters, mapping rules, and trying expressions before saving them. */
public final class FilterRoutes implements ApiRoutes {
    private final ManageFiltersUseCase filters;
    private final ManageMappingRulesUseCase rules;
    private final CheckExpressionUseCase checker;
    private final PreviewExpressionUseCase previewer;

    public FilterRoutes(
            ManageFiltersUseCase filters,
            ManageMappingRulesUseCase rules,
            CheckExpressionUseCase checker,
            PreviewExpressionUseCase previewer) {
        this.filters = filters;
        this.rules = rules;
        this.checker = checker;
        this.previewer = previewer;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/filters", this::listFilters);
        routes.post("/api/v1/filters", this::createFilter);
        routes.get("/api/v1/filters/fields/{kind}", this::fields);
        routes.get("/api/v1/filters/{id}", this::getFilter);
        routes.put("/api/v1/filters/{id}", this::updateFilter);
        routes.delete("/api/v1/filters/{id}", this::deleteFilter);
        routes.get("/api/v1/data-mapping", this::listRules);
        routes.post("/api/v1/data-mapping", this::createRule);
        routes.post("/api/v1/data-mapping/reorder", this::reorder);
        routes.get("/api/v1/data-mapping/{id}", this::getRule);
        routes.put("/api/v1/data-mapping/{id}", this::updateRule);
        routes.delete("/api/v1/data-mapping/{id}", this::deleteRule);
        routes.post("/api/v1/expressions/validate", this::validate);
        routes.post("/api/v1/expressions/preview", this::preview);
    }

    @OpenApi(
            path = "/api/v1/filters",
            methods = HttpMethod.GET,
            summary = "List filters",
            tags = "filters",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = FilterView[].class)))
    void listFilters(Context ctx) {
        ctx.json(filters.list().stream().map(FilterView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/filters",
            methods = HttpMethod.POST,
            summary = "Create a filter (expression validated)",
            tags = "filters",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = FilterBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = FilterView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void createFilter(Context ctx) {
        ctx.status(201)
                .json(FilterView.of(
                        filters.create(JsonBodies.read(ctx, FilterBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/filters/{id}",
            methods = HttpMethod.GET,
            summary = "Get a filter",
            tags = "filters",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = FilterView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void getFilter(Context ctx) {
        ctx.json(FilterView.of(filters.get(FilterId.parse(ctx.pathParam("id")))));
    }

    @OpenApi(
            path = "/api/v1/filters/{id}",
            methods = HttpMethod.PUT,
            summary = "Change a filter",
            tags = "filters",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = FilterBody.class)),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = FilterView.class)))
    void updateFilter(Context ctx) {
        FilterId id = FilterId.parse(ctx.pathParam("id"));
        ctx.json(FilterView.of(
                filters.update(id, JsonBodies.read(ctx, FilterBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/filters/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a filter",
            tags = "filters",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "204"))
    void deleteFilter(Context ctx) {
        filters.delete(FilterId.parse(ctx.pathParam("id")));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/filters/fields/{kind}",
            methods = HttpMethod.GET,
            summary = "Fields and aliases for stream or epg expressions",
            tags = "filters",
            pathParams = @OpenApiParam(name = "kind", required = true, description = "stream or epg"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ExpressionField[].class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void fields(Context ctx) {
        String kind = ctx.pathParam("kind");
        ExpressionDomain domain = switch (kind) {
            case "stream" -> ExpressionDomain.STREAM_FILTER;
            case "epg" -> ExpressionDomain.EPG_FILTER;
            default -> throw new ValidationException("kind: '" + kind + "' (expected: stream or epg)");
        };
        ctx.json(checker.fields(domain));
    }

    @OpenApi(
            path = "/api/v1/data-mapping",
            methods = HttpMethod.GET,
            summary = "List mapping rules in order",
            tags = "data-mapping",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = MappingRuleView[].class)))
    void listRules(Context ctx) {
        ctx.json(rules.list().stream().map(MappingRuleView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/data-mapping",
            methods = HttpMethod.POST,
            summary = "Create a mapping rule (appended)",
            tags = "data-mapping",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = MappingRuleBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = MappingRuleView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void createRule(Context ctx) {
        ctx.status(201)
                .json(MappingRuleView.of(
                        rules.create(JsonBodies.read(ctx, MappingRuleBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/data-mapping/{id}",
            methods = HttpMethod.GET,
            summary = "Get a mapping rule",
            tags = "data-mapping",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = MappingRuleView.class)))
    void getRule(Context ctx) {
        ctx.json(MappingRuleView.of(rules.get(MappingRuleId.parse(ctx.pathParam("id")))));
    }

    @OpenApi(
            path = "/api/v1/data-mapping/{id}",
            methods = HttpMethod.PUT,
            summary = "Change a mapping rule",
            tags = "data-mapping",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = MappingRuleBody.class)),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = MappingRuleView.class)))
    void updateRule(Context ctx) {
        MappingRuleId id = MappingRuleId.parse(ctx.pathParam("id"));
        ctx.json(MappingRuleView.of(
                rules.update(id, JsonBodies.read(ctx, MappingRuleBody.class).toCommand())));
    }

    @OpenApi(
            path = "/api/v1/data-mapping/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a mapping rule",
            tags = "data-mapping",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "204"))
    void deleteRule(Context ctx) {
        rules.delete(MappingRuleId.parse(ctx.pathParam("id")));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/data-mapping/reorder",
            methods = HttpMethod.POST,
            summary = "Put every mapping rule in a new order",
            tags = "data-mapping",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ReorderBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = MappingRuleView[].class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void reorder(Context ctx) {
        ReorderBody body = JsonBodies.read(ctx, ReorderBody.class);
        List<String> order = body.order() == null ? List.of() : body.order();
        ctx.json(rules.reorder(order.stream().map(MappingRuleId::parse).toList()).stream()
                .map(MappingRuleView::of)
                .toList());
    }

    @OpenApi(
            path = "/api/v1/expressions/validate",
            methods = HttpMethod.POST,
            summary = "Check an expression of a domain",
            tags = "expressions",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ExpressionBody.class)),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ValidationView.class)))
    void validate(Context ctx) {
        ExpressionBody body = JsonBodies.read(ctx, ExpressionBody.class);
        ExpressionDomain domain = EnumParam.parse(ExpressionDomain.class, body.domain(), "domain");
        var problem = checker.validate(domain, body.expression() == null ? "" : body.expression());
        ctx.json(new ValidationView(problem.isEmpty(), problem.stream().toList()));
    }

    @OpenApi(
            path = "/api/v1/expressions/preview",
            methods = HttpMethod.POST,
            summary = "Run an unsaved expression over stored channels or programmes",
            tags = "expressions",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ExpressionBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = PreviewResult.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void preview(Context ctx) {
        ExpressionBody body = JsonBodies.read(ctx, ExpressionBody.class);
        PreviewQuery query = new PreviewQuery(
                EnumParam.parse(ExpressionDomain.class, body.domain(), "domain"),
                body.expression() == null ? "" : body.expression(),
                body.sourceIds() == null
                        ? List.of()
                        : body.sourceIds().stream().map(SourceId::parse).toList(),
                body.epgSourceIds() == null
                        ? List.of()
                        : body.epgSourceIds().stream().map(EpgSourceId::parse).toList(),
                body.samples() == null ? 10 : body.samples());
        ctx.json(previewer.preview(query));
    }
}
