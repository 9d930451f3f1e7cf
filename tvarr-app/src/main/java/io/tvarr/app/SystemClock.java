package io.tvarr.app;

import java.time.Clock;

/**
 * The clock adapter: the one place that reads the wall clock. Everything else takes a {@link Clock}, so tests and
 * embedders can move time; {@code ArchitectureTest} keeps it that way.
 */
public final class SystemClock {
    private SystemClock() {}

    /** The system's clock in UTC. */
    public static Clock utc() {
        return Clock.systemUTC();
    }
}
