package io.tvarr.domain.job;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A unit of background work and its history. Transitions return new values.
 *
 * @param instance the tvarr instance that runs or ran the job; null while it waits in the queue (and for jobs stored
 *     before instances were named)
 */
public record Job(
        JobId id,
        JobKind kind,
        String target,
        JobState state,
        int attempts,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error,
        Map<String, Long> summary,
        @Nullable String instance) {
    public Job {
        Checks.requireNonNull(id, "id");
        Checks.requireNonNull(kind, "kind");
        target = Checks.requireText(target, "target");
        Checks.requireNonNull(state, "state");
        Checks.requireRange(attempts, 0, 1000, "attempts");
        Checks.requireNonNull(createdAt, "created_at");
        // failures quote provider URLs; the error is stored, listed and sent to event listeners as it is here
        error = error == null ? null : Redaction.redactUrl(error);
        summary = Map.copyOf(summary);
    }

    public static Job queued(JobKind kind, String target, Instant now) {
        return new Job(JobId.random(), kind, target, JobState.QUEUED, 0, now, null, null, null, Map.of(), null);
    }

    /** Starts the job on this instance. */
    public Job start(Instant now, String instance) {
        requireState(JobState.QUEUED, "start");
        Checks.requireText(instance, "instance");
        return new Job(id, kind, target, JobState.RUNNING, attempts + 1, createdAt, now, null, null, summary, instance);
    }

    /** Another try of a running job after a transient failure. */
    public Job retry() {
        requireState(JobState.RUNNING, "retry");
        return new Job(
                id, kind, target, JobState.RUNNING, attempts + 1, createdAt, startedAt, null, error, summary, instance);
    }

    public Job succeed(Instant now, Map<String, Long> counts) {
        requireState(JobState.RUNNING, "succeed");
        return new Job(
                id, kind, target, JobState.SUCCEEDED, attempts, createdAt, startedAt, now, null, counts, instance);
    }

    public Job fail(Instant now, String reason) {
        if (state.isFinal()) {
            throw new ConflictException("job " + id + ": cannot fail in state " + state);
        }
        return new Job(
                id, kind, target, JobState.FAILED, attempts, createdAt, startedAt, now, reason, summary, instance);
    }

    public Job cancel(Instant now) {
        if (state.isFinal()) {
            throw new ConflictException("job " + id + ": cannot cancel in state " + state);
        }
        return new Job(
                id, kind, target, JobState.CANCELLED, attempts, createdAt, startedAt, now, error, summary, instance);
    }

    public @Nullable Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    private void requireState(JobState expected, String transition) {
        if (state != expected) {
            throw new ConflictException(
                    "job " + id + ": cannot " + transition + " in state " + state + " (expected: " + expected + ")");
        }
    }
}
