package io.tvarr.domain.ingestion;

/** Where a source's ingestion stands. */
public enum IngestionState {
    IDLE,
    INGESTING,
    FAILED,
    SUCCEEDED
}
