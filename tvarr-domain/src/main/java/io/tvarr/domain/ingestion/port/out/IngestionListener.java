package io.tvarr.domain.ingestion.port.out;

import io.tvarr.domain.ingestion.IngestionTarget;

/** Told about every successful ingestion, however it was started (API, job, schedule, one-shot command). */
@FunctionalInterface
public interface IngestionListener {
    /**
     * Called on the ingesting thread after the new data and the status are stored. Must not block for long;
     * an exception is logged and does not change the outcome.
     */
    void succeeded(IngestionTarget target);
}
