package io.tvarr.domain.source.port.out;

import io.tvarr.domain.source.IngestionStatus;
import java.util.Optional;

/** Keeps the outcome of the last ingestion of each source across restarts. */
public interface IngestionStatusRepository {
    void save(IngestionStatus status);

    Optional<IngestionStatus> find(String targetId);
}
