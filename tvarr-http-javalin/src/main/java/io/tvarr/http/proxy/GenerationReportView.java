package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.tvarr.domain.proxy.GenerationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        List<String> warnings,

        @OpenApiDescription("channels matched per guide match tier: pinned, exact_id, id_ignoring_case, name,"
                + " similar, unmatched")
        Map<String, Long> guideMatchTiers) {
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
                r.warnings(),
                r.guideMatchTiers());
    }
}
