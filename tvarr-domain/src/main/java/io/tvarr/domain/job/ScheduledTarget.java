package io.tvarr.domain.job;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A target with a schedule and when it runs next.
 *
 * @param expression the cron expression in force (the default one when the target sets none)
 * @param nextRun null when the expression never fires again
 */
public record ScheduledTarget(
        JobKind kind,
        String target,
        String name,
        String expression,
        @Nullable Instant nextRun) {}
