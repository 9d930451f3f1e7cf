package io.tvarr.http.source;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A channel source as the API shows it: credentials and secrets in URLs are masked. */
record StreamSourceView(
        String id,
        String name,
        @OpenApiPropertyType(definedBy = SourceKind.class) String kind,
        String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        int maxConcurrentStreams,
        @OpenApiPropertyType(definedBy = XtreamOutput.class) String xtreamOutput,
        boolean includeVod,
        boolean includeSeries,
        Instant createdAt,
        Instant updatedAt) {
    static StreamSourceView of(StreamSource s) {
        return new StreamSourceView(
                s.id().toString(),
                s.name(),
                EnumParam.format(s.kind()),
                Redaction.redactUrl(s.url().toString()),
                s.credentials() == null ? null : s.credentials().username(),
                s.credentials() == null ? null : "***",
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.maxConcurrentStreams(),
                EnumParam.format(s.xtreamOutput()),
                s.includeVod(),
                s.includeSeries(),
                s.createdAt(),
                s.updatedAt());
    }
}
