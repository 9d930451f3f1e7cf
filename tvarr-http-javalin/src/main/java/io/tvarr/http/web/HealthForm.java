package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.health.HealthCheckSettings;
import java.util.Objects;
import java.util.Set;

/**
 * The stream-check settings form on a channel source's page, as typed: the count stays text so a refused value is
 * shown back as it was typed.
 */
public record HealthForm(boolean enabled, String schedule, String maxChecksPerRun) {
    static final Set<String> FIELDS = Set.of("enabled", "schedule", "max_checks_per_run");

    public HealthForm {
        schedule = Objects.requireNonNullElse(schedule, "");
        maxChecksPerRun = Objects.requireNonNullElse(maxChecksPerRun, "");
    }

    static HealthForm of(HealthCheckSettings settings) {
        return new HealthForm(settings.enabled(), settings.schedule(), Integer.toString(settings.maxChecksPerRun()));
    }

    static HealthForm read(Context ctx) {
        return new HealthForm(
                ctx.formParam("enabled") != null, ctx.formParam("schedule"), ctx.formParam("max_checks_per_run"));
    }

    /** @throws ValidationException naming the field that is wrong */
    HealthCheckSettings settings() {
        int max;
        try {
            max = Integer.parseInt(maxChecksPerRun.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("max_checks_per_run: \"" + maxChecksPerRun + "\" (expected: a whole number, "
                    + "1-" + HealthCheckSettings.MAX_CHECKS_PER_RUN + ")");
        }
        return new HealthCheckSettings(enabled, schedule, max);
    }
}
