package io.tvarr.domain.source.port.in;

import io.tvarr.domain.source.IngestionStatus;
import io.tvarr.domain.source.SourceId;

/**
 * Refreshes a source's channels. One ingestion per source at a time: asking again while one runs is a
 * ConflictException. A failed ingestion leaves the previous channels untouched.
 */
public interface IngestSourceUseCase {
    /** Ingests now on the calling thread and returns the final status; failures propagate. */
    IngestionStatus ingest(SourceId id);

    /** Starts an ingestion in the background and returns the status as it starts. */
    IngestionStatus start(SourceId id);

    /** The current state: running progress, or the outcome of the last ingestion. */
    IngestionStatus status(SourceId id);
}
