package io.tvarr.http.config;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.config.ConfigChanges;
import io.tvarr.domain.config.port.in.ApplyConfigCommand;
import io.tvarr.domain.config.port.in.ApplyConfigUseCase;
import io.tvarr.domain.config.port.in.ExportConfigUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.QueryParams;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Configuration as code over the API: the whole configuration as YAML (JSON when asked by {@code Accept}), and a
 * document applied with the change list as the answer. Documents come as YAML or JSON, never as a form or plain
 * text, which browsers send cross-site without a preflight.
 */
public final class ConfigRoutes implements ApiRoutes {
    static final String YAML = "application/yaml";
    private static final Set<String> READABLE = Set.of(YAML, "application/x-yaml", "text/yaml", "application/json");

    private final ExportConfigUseCase export;
    private final ApplyConfigUseCase apply;
    private final ConfigDocuments documents = new ConfigDocuments();

    public ConfigRoutes(ExportConfigUseCase export, ApplyConfigUseCase apply) {
        this.export = export;
        this.apply = apply;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/config", this::read);
        routes.post("/api/v1/config/apply", this::apply);
    }

    @OpenApi(
            path = "/api/v1/config",
            methods = HttpMethod.GET,
            summary = "Every setting as one configuration document (secrets as ${ENV_NAME} references)",
            description = "YAML by default; JSON when the Accept header asks for application/json.",
            tags = "config",
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = {
                            @OpenApiContent(mimeType = YAML, type = "string"),
                            @OpenApiContent(mimeType = "application/json", type = "object")
                        }),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void read(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")) {
            ctx.contentType("application/json").result(documents.json(export.export()));
        } else {
            ctx.contentType(YAML + "; charset=utf-8").result(documents.yaml(export.export()));
        }
    }

    @OpenApi(
            path = "/api/v1/config/apply",
            methods = HttpMethod.POST,
            summary = "Make this instance match a configuration document; answers the changes",
            description = "The whole document is checked first: a problem anywhere is a 400 naming its place, and"
                    + " nothing changes. Applying the same document again answers no changes.",
            tags = "config",
            queryParams = {
                @OpenApiParam(
                        name = "prune",
                        type = Boolean.class,
                        description = "also delete what the document does not name"),
                @OpenApiParam(name = "dryRun", type = Boolean.class, description = "only answer what would change")
            },
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = {
                                @OpenApiContent(mimeType = YAML, type = "string"),
                                @OpenApiContent(mimeType = "application/json", type = "object")
                            }),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ConfigChangesView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "415",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void apply(Context ctx) {
        String type = ctx.contentType() == null
                ? ""
                : ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!READABLE.contains(type)) {
            throw new HttpResponseException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Content-Type: expected " + YAML + " or application/json, found "
                            + (type.isEmpty() ? "none" : type));
        }
        if (ctx.contentLength() > ConfigDocuments.MAX_BYTES) {
            throw new HttpResponseException(
                    HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "request body: exceeds the limit of " + ConfigDocuments.MAX_BYTES + " bytes");
        }
        String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        ConfigChanges changes = apply.apply(new ApplyConfigCommand(
                documents.read(text), QueryParams.bool(ctx, "prune", false), QueryParams.bool(ctx, "dryRun", false)));
        ctx.json(ConfigChangesView.of(changes));
    }
}
