package io.tvarr.domain.filter.port.in;

import java.util.List;
import java.util.Map;

/**
 * What an expression did to stored data.
 *
 * @param samples the first matching records, each as field values before and after the expression ran
 * @param evaluationErrors records whose evaluation reported an error (non-numeric value, regex budget)
 */
public record PreviewResult(long scanned, long matched, long evaluationErrors, List<Sample> samples) {
    public PreviewResult {
        samples = List.copyOf(samples);
    }

    /** One record before and after; field names are the language's canonical names. */
    public record Sample(Map<String, String> before, Map<String, String> after) {
        public Sample {
            before = Map.copyOf(before);
            after = Map.copyOf(after);
        }
    }
}
