package io.tvarr.domain.ingestion;

import io.tvarr.domain.Redaction;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is known about the ingestions of one source (channel or guide source).
 *
 * @param target the source this status belongs to
 * @param bytesRead bytes read by the running ingestion, or by the last one that finished
 * @param entriesRead entries read so far by the running ingestion, or by the last one that finished
 * @param lastError why the last ingestion failed or awaits confirmation; null after a success
 * @param details provider facts worth showing, such as Xtream account status and connection limits
 */
public record IngestionStatus(
        IngestionTarget target,
        IngestionState state,
        long bytesRead,
        long entriesRead,
        @Nullable Instant lastSuccessAt,
        long lastCount,
        long lastDurationMs,
        long lastSkipped,
        @Nullable String lastError,
        @Nullable Instant lastErrorAt,
        Map<String, String> details) {
    public IngestionStatus {
        // failures quote the source's URL; the status is stored and shown as it is here
        lastError = lastError == null ? null : Redaction.redactUrl(lastError);
        details = Map.copyOf(details);
    }

    public static IngestionStatus idle(IngestionTarget target) {
        return new IngestionStatus(target, IngestionState.IDLE, 0, 0, null, 0, 0, 0, null, null, Map.of());
    }

    public IngestionStatus running(IngestionProgress progress) {
        return new IngestionStatus(
                target,
                IngestionState.INGESTING,
                progress.bytes(),
                progress.entries(),
                lastSuccessAt,
                lastCount,
                lastDurationMs,
                lastSkipped,
                lastError,
                lastErrorAt,
                details);
    }

    /** Stored {@code count} records; the run's bytes, entries and skipped entries stay visible until the next. */
    public IngestionStatus succeeded(
            Instant at, long count, long durationMs, IngestionProgress run, Map<String, String> facts) {
        return new IngestionStatus(
                target,
                IngestionState.SUCCEEDED,
                run.bytes(),
                run.entries(),
                at,
                count,
                durationMs,
                run.skipped(),
                null,
                null,
                facts);
    }

    public IngestionStatus failed(Instant at, String error) {
        return unapplied(IngestionState.FAILED, at, error);
    }

    /** The ingestion yielded too little to replace the stored data unasked; the last success stays as it was. */
    public IngestionStatus needsConfirmation(Instant at, String reason) {
        return unapplied(IngestionState.NEEDS_CONFIRMATION, at, reason);
    }

    private IngestionStatus unapplied(IngestionState state, Instant at, String error) {
        return new IngestionStatus(
                target, state, 0, 0, lastSuccessAt, lastCount, lastDurationMs, lastSkipped, error, at, details);
    }
}
