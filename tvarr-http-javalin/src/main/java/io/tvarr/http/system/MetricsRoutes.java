package io.tvarr.http.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.http.ApiRoutes;
import java.util.function.Supplier;

/** {@code /metrics} in the Prometheus text format, open like the health checks (only counts, ids and states). */
public final class MetricsRoutes implements ApiRoutes {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    /** @param scrape the metrics as Prometheus text, read fresh on every request */
    public MetricsRoutes(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/metrics", this::metrics);
    }

    @OpenApi(
            path = "/metrics",
            methods = HttpMethod.GET,
            summary = "Metrics in the Prometheus text format (metrics.enabled)",
            tags = "system",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/plain")))
    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(scrape.get());
    }
}
