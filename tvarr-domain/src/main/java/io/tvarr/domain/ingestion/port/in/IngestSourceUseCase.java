package io.tvarr.domain.ingestion.port.in;

import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionStatus;

/**
 * Refreshes a source's data (channels or guide) from its provider. One ingestion per source at a time: asking
 * again while one runs is a ConflictException. A failed ingestion leaves the previous data untouched. An unknown
 * id is a NotFoundException.
 *
 * <p>An ingestion that yields nothing, or drops more of the stored data than the configured limit allows, keeps the
 * previous data too: it ends as {@code NEEDS_CONFIRMATION} with the reason, announces no refresh, and fails with an
 * {@code UnconfirmedDropException}. Ingesting with {@link IngestMode#ACCEPT_DROP} applies whatever it yields.
 *
 * @param <I> the id type of the source: {@code SourceId} for channel sources, {@code EpgSourceId} for guides
 */
public interface IngestSourceUseCase<I> {
    /** Ingests now on the calling thread and returns the final status; failures propagate. */
    IngestionStatus ingest(I id, IngestMode mode);

    /** Ingests now, guarded against losing the stored data. */
    default IngestionStatus ingest(I id) {
        return ingest(id, IngestMode.GUARDED);
    }

    /** Starts an ingestion in the background and returns the status as it starts. */
    IngestionStatus start(I id, IngestMode mode);

    /** Starts a background ingestion, guarded against losing the stored data. */
    default IngestionStatus start(I id) {
        return start(id, IngestMode.GUARDED);
    }

    /** The current state: running progress, or the outcome of the last ingestion. */
    IngestionStatus status(I id);
}
