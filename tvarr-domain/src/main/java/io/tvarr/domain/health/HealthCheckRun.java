package io.tvarr.domain.health;

import io.tvarr.domain.source.SourceId;

/**
 * What one run of a source's checks did.
 *
 * @param checked channels probed (working plus broken)
 * @param skipped channels due that were not probed: the source had no free connection, or the run was stopped
 */
public record HealthCheckRun(SourceId source, int checked, int working, int broken, int skipped) {}
