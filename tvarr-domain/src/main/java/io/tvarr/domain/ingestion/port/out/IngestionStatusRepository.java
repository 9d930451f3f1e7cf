package io.tvarr.domain.ingestion.port.out;

import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import java.util.Optional;

/** Keeps the outcome of the last ingestion of each source across restarts. Thread-safe. */
public interface IngestionStatusRepository {
    /** Stores the status as the last outcome of its target, replacing the one before. */
    void save(IngestionStatus status);

    /** The last stored outcome of the target; empty when it was never ingested. */
    Optional<IngestionStatus> find(IngestionTarget target);
}
