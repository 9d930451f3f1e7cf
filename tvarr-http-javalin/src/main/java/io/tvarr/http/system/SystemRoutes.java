package io.tvarr.http.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.system.Health;
import io.tvarr.domain.system.HealthCheck;
import io.tvarr.domain.system.VersionInfo;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import io.tvarr.http.problem.ProblemType;

/** Liveness, readiness, version, and the API documentation. */
public final class SystemRoutes implements ApiRoutes {
    private final HealthCheck health;
    private final VersionInfo version;
    private final ApiDocumentation documentation;

    public SystemRoutes(HealthCheck health, VersionInfo version, ApiDocumentation documentation) {
        this.health = health;
        this.version = version;
        this.documentation = documentation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/livez", this::livez);
        routes.get("/readyz", this::readyz);
        routes.get("/api/v1/version", this::version);
        routes.get("/openapi.json", documentation::openApi);
        routes.get("/openapi-3.0.json", documentation::openApi30);
        routes.get("/docs", documentation::swaggerUi);
    }

    @OpenApi(
            path = "/livez",
            methods = HttpMethod.GET,
            summary = "Liveness: the process answers",
            tags = "system",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class)))
    void livez(Context ctx) {
        ctx.json(new Health(true, "alive"));
    }

    @OpenApi(
            path = "/readyz",
            methods = HttpMethod.GET,
            summary = "Readiness: the database is reachable and migrated",
            tags = "system",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class)),
                @OpenApiResponse(
                        status = "503",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void readyz(Context ctx) {
        Health now = health.check();
        if (now.ready()) {
            ctx.json(now);
        } else {
            ProblemResponses.send(ctx, ProblemType.UNAVAILABLE, "not ready: " + now.detail());
        }
    }

    @OpenApi(
            path = "/api/v1/version",
            methods = HttpMethod.GET,
            summary = "The running tvarr version",
            tags = "system",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = VersionInfo.class)))
    void version(Context ctx) {
        ctx.json(version);
    }
}
