package io.tvarr.domain.health.port.in;

import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.source.SourceId;

/** A source's periodic stream checks: on or off, how often, how many channels a run. */
public interface ConfigureHealthChecksUseCase {
    /** @throws io.tvarr.domain.NotFoundException when there is no such source */
    HealthCheckSettings settings(SourceId source);

    /**
     * @throws io.tvarr.domain.NotFoundException when there is no such source
     * @throws io.tvarr.domain.ValidationException when the schedule is not a cron expression
     */
    HealthCheckSettings configure(SourceId source, HealthCheckSettings settings);
}
