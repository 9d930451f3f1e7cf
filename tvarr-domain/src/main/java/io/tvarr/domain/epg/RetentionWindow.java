package io.tvarr.domain.epg;

import io.tvarr.domain.Checks;
import java.time.Duration;
import java.time.Instant;

/** Which programmes are kept: those that end after {@code now - daysBack} and start before {@code now + daysAhead}. */
public record RetentionWindow(int daysBack, int daysAhead) {
    public static final RetentionWindow DEFAULT = new RetentionWindow(1, 14);

    public RetentionWindow {
        Checks.requireRange(daysBack, 0, 365, "retention_days_back");
        Checks.requireRange(daysAhead, 1, 365, "retention_days_ahead");
    }

    public Instant from(Instant now) {
        return now.minus(Duration.ofDays(daysBack));
    }

    public Instant to(Instant now) {
        return now.plus(Duration.ofDays(daysAhead));
    }

    public boolean keeps(Instant now, Instant start, Instant stop) {
        return stop.isAfter(from(now)) && start.isBefore(to(now));
    }
}
