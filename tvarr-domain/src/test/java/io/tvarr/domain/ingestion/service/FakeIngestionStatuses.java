package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.port.out.IngestionStatusRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Keeps statuses in memory, as the real repository keeps them across restarts. */
final class FakeIngestionStatuses implements IngestionStatusRepository {
    private final Map<IngestionTarget, IngestionStatus> byTarget = new HashMap<>();

    @Override
    public void save(IngestionStatus status) {
        byTarget.put(status.target(), status);
    }

    @Override
    public Optional<IngestionStatus> find(IngestionTarget target) {
        return Optional.ofNullable(byTarget.get(target));
    }
}
