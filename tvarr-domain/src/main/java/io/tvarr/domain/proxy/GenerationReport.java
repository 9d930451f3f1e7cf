package io.tvarr.domain.proxy;

import io.tvarr.domain.Redaction;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param guideMatchTiers how many output channels each guide match tier matched, by {@link GuideMatchTier#key()},
 *     every tier present (0 when none), in tier order; {@code unmatched} equals {@code unmatchedCount}
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
        List<String> failedLogos,
        Map<String, Long> guideMatchTiers) {
    public GenerationReport {
        Map<String, Long> tiers = new LinkedHashMap<>();
        for (GuideMatchTier tier : GuideMatchTier.values()) {
            tiers.put(tier.key(), guideMatchTiers.getOrDefault(tier.key(), 0L));
        }
        guideMatchTiers = Collections.unmodifiableMap(tiers);
        // logo URLs and the values quoted by failed expressions can carry credentials
        failedLogos = failedLogos.stream().map(Redaction::redactUrl).toList();
        stages = List.copyOf(stages);
        unmatchedEpgChannels = List.copyOf(unmatchedEpgChannels);
        warnings = warnings.stream().map(Redaction::redactUrl).toList();
    }

    /** A report that does not count guide match tiers (every tier 0 but unmatched). */
    public GenerationReport(
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
        this(
                proxy,
                startedAt,
                durationMs,
                channels,
                programmes,
                stages,
                unmatchedEpgChannels,
                unmatchedCount,
                evaluationErrors,
                warnings,
                logoFailures,
                failedLogos,
                Map.of(GuideMatchTier.UNMATCHED.key(), unmatchedCount));
    }

    /**
     * One stage: records in and out, and time spent.
     *
     * @param dropped records the stage dropped, by reason ({@code "filtered_out": 22000}), in reason order; empty
     *     for stages that drop nothing or do not say why
     */
    public record StageReport(String stage, long in, long out, long durationMs, Map<String, Long> dropped) {
        public StageReport {
            // sorted, so reports read (and serialise) the same on every run
            dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
        }

        /** A stage that drops nothing, or does not say why. */
        public StageReport(String stage, long in, long out, long durationMs) {
            this(stage, in, out, durationMs, Map.of());
        }

        /** This stage and the same stage run side by side on other records, added up (times summed too). */
        public StageReport plus(StageReport other) {
            Map<String, Long> drops = new TreeMap<>(dropped);
            other.dropped.forEach((reason, count) -> drops.merge(reason, count, Long::sum));
            return new StageReport(stage, in + other.in, out + other.out, durationMs + other.durationMs, drops);
        }
    }
}
