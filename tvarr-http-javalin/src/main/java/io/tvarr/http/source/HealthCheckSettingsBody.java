package io.tvarr.http.source;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.health.HealthCheckSettings;
import org.jspecify.annotations.Nullable;

/** A source's periodic stream checks, in and out. */
record HealthCheckSettingsBody(
        @OpenApiRequired
        @OpenApiDescription("whether the source's channels are checked on the schedule; default false")
        @Nullable
        Boolean enabled,

        @OpenApiDescription("cron expression of the runs (5 fields or @hourly-style); default '0 * * * *'") @Nullable
        String schedule,

        @OpenApiDescription("channels one run checks at most, those checked longest ago first (1-1000); default 10")
        @Nullable
        Integer maxChecksPerRun) {
    @OpenApiIgnore
    HealthCheckSettings toSettings() {
        if (enabled == null) {
            throw new ValidationException("enabled: must be given (expected: true or false)");
        }
        return new HealthCheckSettings(
                enabled,
                schedule == null ? HealthCheckSettings.DEFAULT.schedule() : schedule,
                maxChecksPerRun == null ? HealthCheckSettings.DEFAULT.maxChecksPerRun() : maxChecksPerRun);
    }

    @OpenApiIgnore
    static HealthCheckSettingsBody of(HealthCheckSettings settings) {
        return new HealthCheckSettingsBody(settings.enabled(), settings.schedule(), settings.maxChecksPerRun());
    }
}
