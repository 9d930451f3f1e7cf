package io.tvarr.http.proxy;

import io.tvarr.domain.proxy.GenerationReport;
import java.util.Map;

/** What one stage of a generation took in, let out and dropped (per reason). */
record StageReportView(String stage, long in, long out, long durationMs, Map<String, Long> dropped) {
    static StageReportView of(GenerationReport.StageReport s) {
        return new StageReportView(s.stage(), s.in(), s.out(), s.durationMs(), s.dropped());
    }
}
