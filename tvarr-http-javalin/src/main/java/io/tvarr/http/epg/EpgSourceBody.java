package io.tvarr.http.epg;

import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.http.EnumParam;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A guide source as the API reads it; defaults: zone UTC, shift 0, retention 1 day back and 14 ahead. */
record EpgSourceBody(
        @OpenApiRequired @Nullable String name,

        @OpenApiPropertyType(definedBy = EpgSourceKind.class) @OpenApiRequired @Nullable
        String kind,

        @OpenApiRequired @Nullable String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        @OpenApiNullable @Nullable Boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        @OpenApiNullable @Nullable Integer timeShiftMinutes,
        @OpenApiNullable @Nullable String zone,
        @OpenApiNullable @Nullable Integer retentionDaysBack,
        @OpenApiNullable @Nullable Integer retentionDaysAhead) {
    @OpenApiIgnore
    SaveEpgSourceCommand toCommand() {
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new ValidationException("zone: '" + zone + "' (expected: a time zone such as Europe/London)");
        }
        return new SaveEpgSourceCommand(
                name == null ? "" : name,
                EnumParam.parse(EpgSourceKind.class, kind, "kind"),
                url == null ? "" : url,
                username,
                password,
                userAgent,
                enabled == null || enabled,
                schedule,
                timeShiftMinutes == null ? 0 : timeShiftMinutes,
                zoneId,
                new RetentionWindow(
                        retentionDaysBack == null ? RetentionWindow.DEFAULT.daysBack() : retentionDaysBack,
                        retentionDaysAhead == null ? RetentionWindow.DEFAULT.daysAhead() : retentionDaysAhead));
    }
}
