package io.tvarr.domain.health;

import io.tvarr.domain.Checks;

/**
 * A source's periodic stream checks. Off by default: a check takes one of the provider's connections for as long
 * as ffprobe needs (a few seconds), and only when one is free.
 *
 * @param enabled whether the scheduler checks the source's channels
 * @param schedule cron expression of the runs (standard 5 fields or {@code @hourly}-style)
 * @param maxChecksPerRun how many channels one run checks at most (1-1000), those checked longest ago first
 */
public record HealthCheckSettings(boolean enabled, String schedule, int maxChecksPerRun) {
    public static final int MAX_CHECKS_PER_RUN = 1000;

    /** What a source has until its checks are configured: off, hourly, ten channels a run. */
    public static final HealthCheckSettings DEFAULT = new HealthCheckSettings(false, "0 * * * *", 10);

    public HealthCheckSettings {
        schedule = Checks.requireText(schedule, "schedule");
        Checks.requireMaxLength(schedule, 100, "schedule");
        Checks.requireRange(maxChecksPerRun, 1, MAX_CHECKS_PER_RUN, "max_checks_per_run");
    }
}
