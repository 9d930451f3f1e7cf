package io.tvarr.domain.health.port.out;

import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.source.SourceId;
import java.util.Map;

/** The sources whose stream checks are switched on, for the scheduler. */
@FunctionalInterface
public interface HealthCheckSchedules {
    /** Settings of every source with checks enabled; empty when none. */
    Map<SourceId, HealthCheckSettings> enabledChecks();
}
