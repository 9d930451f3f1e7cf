package io.tvarr.http.epg;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A guide source as the API shows it, secrets masked. */
record EpgSourceView(
        String id,
        String name,

        @OpenApiPropertyType(definedBy = EpgSourceKind.class)
        String kind,

        String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        int timeShiftMinutes,
        String zone,
        int retentionDaysBack,
        int retentionDaysAhead,
        Instant createdAt,
        Instant updatedAt) {
    static EpgSourceView of(EpgSource s) {
        return new EpgSourceView(
                s.id().toString(),
                s.name(),
                EnumParam.format(s.kind()),
                Redaction.redactUrl(s.url().toString()),
                s.credentials() == null ? null : s.credentials().username(),
                s.credentials() == null ? null : "***",
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.timeShiftMinutes(),
                s.zone().getId(),
                s.retention().daysBack(),
                s.retention().daysAhead(),
                s.createdAt(),
                s.updatedAt());
    }
}
