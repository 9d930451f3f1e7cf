package io.tvarr.pipeline;

import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationReport.StageReport;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.expression.EvaluationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects what one generation did, as its parts do it: stage reports in pipeline order, warnings in the order
 * they arose, evaluation errors, logo failures and the counts written. Not thread-safe: the generation's thread
 * only.
 */
final class GenerationReportBuilder {
    private static final int LISTED_FAILURES = 200;

    private final ProxyId proxy;
    private final Instant startedAt;
    private final long started = System.nanoTime();
    private final List<StageReport> stages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<EvaluationContext> evaluations = new ArrayList<>();
    private final List<String> failedLogos = new ArrayList<>();
    private long logoFailures;
    private long channels;
    private long programmes;
    private List<String> unmatched = List.of();
    private long unmatchedCount;
    private Map<String, Long> guideMatchTiers = Map.of();

    GenerationReportBuilder(ProxyId proxy, Instant startedAt) {
        this.proxy = proxy;
        this.startedAt = startedAt;
    }

    /** Adds a stage that started at {@code startedNanos} ({@link System#nanoTime()}) and ends now. */
    void stage(String name, long in, long out, long startedNanos) {
        stages.add(new StageReport(name, in, out, millisSince(startedNanos)));
    }

    void stage(StageReport report) {
        stages.add(report);
    }

    void stages(List<StageReport> reports) {
        stages.addAll(reports);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Counts the failed evaluations of {@code context} into the report, as they stand when it is built. */
    void evaluations(EvaluationContext context) {
        evaluations.add(context);
    }

    /** @param failed logo URL to why it could not be cached */
    void logoFailures(Map<String, String> failed) {
        failed.forEach((url, reason) -> {
            if (failedLogos.size() < LISTED_FAILURES) {
                failedLogos.add(url + ": " + reason);
            }
        });
        logoFailures = failed.size();
    }

    /** @param unmatchedNames the first output channels no guide channel matched; @param unmatchedCount all of them */
    void channels(long written, List<String> unmatchedNames, long unmatchedCount) {
        this.channels = written;
        this.unmatched = List.copyOf(unmatchedNames);
        this.unmatchedCount = unmatchedCount;
    }

    /**
     * @param tiers channels matched per tier
     * @param orphanedPins pins the matching could not use, by channel id, with why
     */
    void guideMatching(Map<String, Long> tiers, Map<String, String> orphanedPins) {
        this.guideMatchTiers = Map.copyOf(tiers);
        if (!orphanedPins.isEmpty()) {
            Map.Entry<String, String> first = orphanedPins.entrySet().iterator().next();
            warnings.add(orphanedPins.size() + " guide pins are orphaned and were not used; first: channel "
                    + first.getKey() + ": " + first.getValue());
        }
    }

    void programmes(long written) {
        this.programmes = written;
    }

    GenerationReport build() {
        long errors = 0;
        String firstError = null;
        for (EvaluationContext context : evaluations) {
            errors += context.errors();
            if (firstError == null) {
                firstError = context.firstError();
            }
        }
        if (errors > 0) {
            warnings.add(errors + " expression evaluations failed; first: " + firstError);
        }
        if (logoFailures > 0) {
            warnings.add(logoFailures + " logos could not be cached and keep their original URL; first: "
                    + failedLogos.get(0));
        }
        return new GenerationReport(
                proxy,
                startedAt,
                millisSince(started),
                channels,
                programmes,
                stages,
                unmatched,
                unmatchedCount,
                errors,
                warnings,
                logoFailures,
                failedLogos,
                guideMatchTiers.isEmpty() ? Map.of("unmatched", unmatchedCount) : guideMatchTiers);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
