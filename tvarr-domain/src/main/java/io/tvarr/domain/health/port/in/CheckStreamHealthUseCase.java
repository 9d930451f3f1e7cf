package io.tvarr.domain.health.port.in;

import io.tvarr.domain.health.HealthCheckRun;
import io.tvarr.domain.source.SourceId;

/** Checks a batch of a source's channels now. */
public interface CheckStreamHealthUseCase {
    /**
     * Probes up to the source's {@code max_checks_per_run} channels, those checked longest ago first, each while
     * holding one of the source's free connections; stops early when none is free. Runs on the calling thread
     * (seconds per channel); an interrupt ends the run after the current probe.
     *
     * @throws io.tvarr.domain.NotFoundException when there is no such source
     * @throws io.tvarr.domain.UnavailableException when ffprobe is missing or cannot be started; the streams checked
     *     before are recorded, the one being checked is not
     */
    HealthCheckRun check(SourceId source);
}
