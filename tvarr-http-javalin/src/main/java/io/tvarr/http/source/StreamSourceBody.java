package io.tvarr.http.source;

import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.http.EnumParam;
import org.jspecify.annotations.Nullable;

/** A channel source as the API reads it; the password may be "***" on update to keep the stored one. */
record StreamSourceBody(
        @OpenApiRequired @Nullable String name,

        @OpenApiPropertyType(definedBy = SourceKind.class) @OpenApiRequired @Nullable
        String kind,

        @OpenApiRequired @Nullable String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        @OpenApiNullable @Nullable Boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        @OpenApiNullable @Nullable Integer maxConcurrentStreams,

        @OpenApiPropertyType(definedBy = XtreamOutput.class) @OpenApiNullable @Nullable
        String xtreamOutput,

        @OpenApiNullable @Nullable Boolean includeVod,
        @OpenApiNullable @Nullable Boolean includeSeries) {
    @OpenApiIgnore
    SaveStreamSourceCommand toCommand() {
        return new SaveStreamSourceCommand(
                name == null ? "" : name,
                EnumParam.parse(SourceKind.class, kind, "kind"),
                url == null ? "" : url,
                username,
                password,
                userAgent,
                enabled == null || enabled,
                schedule,
                maxConcurrentStreams == null ? 0 : maxConcurrentStreams,
                xtreamOutput == null
                        ? XtreamOutput.TS
                        : EnumParam.parse(XtreamOutput.class, xtreamOutput, "xtream_output"),
                includeVod != null && includeVod,
                includeSeries != null && includeSeries);
    }
}
