package io.tvarr.http.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.system.Warning;
import io.tvarr.domain.system.WarningKind;
import io.tvarr.domain.system.port.in.ListWarningsUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.EnumParam;

/** What needs a person's action now, as the dashboard shows it. */
public final class WarningRoutes implements ApiRoutes {
    private final ListWarningsUseCase warnings;

    public WarningRoutes(ListWarningsUseCase warnings) {
        this.warnings = warnings;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/system/warnings", this::list);
    }

    @OpenApi(
            path = "/api/v1/system/warnings",
            methods = HttpMethod.GET,
            summary = "Warnings that need action: guides without programmes on air, channels without guide, open"
                    + " circuit breakers",
            tags = "system",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = WarningView[].class)))
    void list(Context ctx) {
        ctx.json(warnings.warnings().stream().map(WarningView::of).toList());
    }

    /** A warning; {@code kind} is guide_without_programmes, channels_without_guide, circuit_open or failed_logos. */
    record WarningView(
            @OpenApiPropertyType(definedBy = WarningKind.class)
            String kind,

            String subject,
            String name,
            String detail) {
        static WarningView of(Warning w) {
            return new WarningView(EnumParam.format(w.kind()), w.subject(), w.name(), w.detail());
        }
    }
}
