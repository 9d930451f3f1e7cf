package io.tvarr.domain.proxy;

import java.time.Instant;
import java.util.List;

/**
 * What one generation of a proxy did.
 *
 * @param stages every stage in pipeline order with records in and out and its time
 * @param unmatchedEpgChannels names of output channels no guide channel matched (at most 200 listed)
 * @param unmatchedCount how many output channels no guide channel matched
 * @param evaluationErrors expression evaluations that failed (a non-numeric value under a numeric operator…)
 * @param warnings what degraded the result without failing it (a source still ingesting, a disabled source…)
 * @param logoFailures logos that could not be cached (their channels keep the original URL)
 * @param failedLogos the first 200 of them, as "url: reason"
 */
public record GenerationReport(
        ProxyId proxy,
        Instant startedAt,
        long durationMs,
        long channels,
        long programmes,
        List<StageReport> stages,
        List<String> unmatchedEpgChannels,
        long unmatchedCount,
        long evaluationErrors,
        List<String> warnings,
        long logoFailures,
        List<String> failedLogos) {
    public GenerationReport {
        failedLogos = List.copyOf(failedLogos);
        stages = List.copyOf(stages);
        unmatchedEpgChannels = List.copyOf(unmatchedEpgChannels);
        warnings = List.copyOf(warnings);
    }

    /** One stage: records in and out, and time spent. */
    public record StageReport(String stage, long in, long out, long durationMs) {}
}
