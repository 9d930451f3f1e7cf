package io.tvarr.domain.job.port.out;

import java.time.Instant;
import java.util.Optional;

/** Cron expressions: standard 5-field Unix cron and the {@code @hourly}-style shorthands. */
public interface CronSchedules {
    /**
     * Checks an expression.
     *
     * @throws io.tvarr.domain.ValidationException naming the field, the expression and what is wrong
     */
    void validate(String field, String expression);

    /** The first run strictly after {@code after}. */
    Optional<Instant> next(String expression, Instant after);

    /** The last run at or before {@code at}. */
    Optional<Instant> previous(String expression, Instant at);
}
