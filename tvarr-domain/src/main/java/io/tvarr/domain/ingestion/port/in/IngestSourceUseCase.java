package io.tvarr.domain.ingestion.port.in;

import io.tvarr.domain.ingestion.IngestionStatus;

/**
 * Refreshes a source's data (channels or guide) from its provider. One ingestion per source at a time: asking
 * again while one runs is a ConflictException. A failed ingestion leaves the previous data untouched. An unknown
 * id is a NotFoundException.
 *
 * @param <I> the id type of the source: {@code SourceId} for channel sources, {@code EpgSourceId} for guides
 */
public interface IngestSourceUseCase<I> {
    /** Ingests now on the calling thread and returns the final status; failures propagate. */
    IngestionStatus ingest(I id);

    /** Starts an ingestion in the background and returns the status as it starts. */
    IngestionStatus start(I id);

    /** The current state: running progress, or the outcome of the last ingestion. */
    IngestionStatus status(I id);
}
