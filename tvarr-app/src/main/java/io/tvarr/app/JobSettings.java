package io.tvarr.app;

import io.tvarr.domain.Checks;
import io.tvarr.domain.job.service.JobQueue;
import java.time.Duration;

/**
 * How the job engine runs.
 *
 * @param workers jobs running at once (one per target at most)
 * @param retries tries after the first for transient failures
 * @param retryDelay first backoff delay; it doubles up to sixteen times this
 * @param history how long finished jobs are kept
 */
public record JobSettings(int workers, int retries, Duration retryDelay, Duration history) {
    public static final JobSettings DEFAULT = new JobSettings(2, 3, Duration.ofSeconds(30), Duration.ofDays(30));

    public JobSettings {
        Checks.requireRange(workers, 1, 64, "jobs.workers");
        Checks.requireRange(retries, 0, 100, "jobs.retries");
        Checks.requireNonNull(retryDelay, "jobs.retry_delay");
        Checks.requireNonNull(history, "jobs.history");
    }

    JobQueue.Settings queue() {
        return new JobQueue.Settings(workers, retries, retryDelay);
    }
}
