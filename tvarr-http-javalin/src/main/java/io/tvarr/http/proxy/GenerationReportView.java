package io.tvarr.http.proxy;

import io.tvarr.domain.proxy.GenerationReport;
import java.time.Instant;
import java.util.List;

/** A generation's outcome. */
record GenerationReportView(
        Instant startedAt,
        long durationMs,
        long channels,
        long programmes,
        List<StageReportView> stages,
        List<String> unmatchedEpgChannels,
        long unmatchedCount,
        long evaluationErrors,
        List<String> warnings) {
    static GenerationReportView of(GenerationReport r) {
        return new GenerationReportView(
                r.startedAt(),
                r.durationMs(),
                r.channels(),
                r.programmes(),
                r.stages().stream().map(StageReportView::of).toList(),
                r.unmatchedEpgChannels(),
                r.unmatchedCount(),
                r.evaluationErrors(),
                r.warnings());
    }
}
