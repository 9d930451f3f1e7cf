package io.tvarr.domain.ingestion;

import java.util.Map;

/**
 * What one ingestion produced.
 *
 * @param count records stored (channels, or guide channels and programmes)
 * @param facts provider facts worth showing with the status
 */
public record IngestionOutcome(long count, Map<String, String> facts) {
    public IngestionOutcome {
        facts = Map.copyOf(facts);
    }
}
