package io.tvarr.domain.filter.port.in;

import io.tvarr.domain.Redaction;
import java.util.HashMap;
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

    /**
     * One record before and after; field names are the language's canonical names. Values are shown with
     * credentials in URLs masked ({@code stream_url}, {@code logo_url}…).
     */
    public record Sample(Map<String, String> before, Map<String, String> after) {
        public Sample {
            before = masked(before);
            after = masked(after);
        }

        private static Map<String, String> masked(Map<String, String> values) {
            Map<String, String> masked = new HashMap<>();
            values.forEach((field, value) -> masked.put(field, Redaction.redactUrl(value)));
            return Map.copyOf(masked);
        }
    }
}
