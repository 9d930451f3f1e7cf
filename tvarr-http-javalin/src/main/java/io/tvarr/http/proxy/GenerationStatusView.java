package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.proxy.GenerationStatus;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where a proxy's generation stands. */
record GenerationStatusView(
        String proxyId,

        @OpenApiPropertyType(definedBy = GenerationState.class)
        String state,

        @OpenApiNullable @Nullable GenerationReportView lastReport,
        @OpenApiNullable @Nullable String lastError,
        @OpenApiNullable @Nullable Instant lastFailedAt) {
    static GenerationStatusView of(GenerationStatus s) {
        return new GenerationStatusView(
                s.proxy().toString(),
                EnumParam.format(GenerationState.of(s)),
                s.lastReport() == null ? null : GenerationReportView.of(s.lastReport()),
                s.lastError(),
                s.lastFailedAt());
    }
}
