package io.tvarr.http.source;

import io.javalin.openapi.OpenApiDescription;
import io.tvarr.domain.health.HealthCheckRun;

/** What a run of a source's stream checks did. */
record HealthCheckRunView(
        String sourceId,
        @OpenApiDescription("channels probed") int checked,
        int working,
        int broken,

        @OpenApiDescription("channels due but not probed: the source had no free connection")
        int skipped) {
    static HealthCheckRunView of(HealthCheckRun run) {
        return new HealthCheckRunView(
                run.source().toString(), run.checked(), run.working(), run.broken(), run.skipped());
    }
}
