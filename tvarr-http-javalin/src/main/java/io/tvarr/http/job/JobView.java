package io.tvarr.http.job;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobProgress;
import io.tvarr.domain.job.JobState;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A job as the API shows it; {@code instance} is the tvarr instance that runs or ran it (null while queued). */
record JobView(
        String id,
        @OpenApiPropertyType(definedBy = JobKind.class) String kind,
        String target,
        @OpenApiPropertyType(definedBy = JobState.class) String state,
        int attempts,
        Instant createdAt,
        @OpenApiNullable @Nullable Instant startedAt,
        @OpenApiNullable @Nullable Instant finishedAt,
        @OpenApiNullable @Nullable Long durationMs,
        @OpenApiNullable @Nullable String error,
        Map<String, Long> summary,
        @OpenApiNullable @Nullable Integer progressPercent,
        Map<String, Long> progress,
        @OpenApiNullable @Nullable String instance) {
    static JobView of(Job j, JobProgress progress) {
        return new JobView(
                j.id().toString(),
                EnumParam.format(j.kind()),
                j.target(),
                EnumParam.format(j.state()),
                j.attempts(),
                j.createdAt(),
                j.startedAt(),
                j.finishedAt(),
                j.duration() == null ? null : j.duration().toMillis(),
                j.error(),
                j.summary(),
                progress.percent(),
                progress.counts(),
                j.instance());
    }
}
