package io.tvarr.domain.source;

/** Where a source's ingestion stands. */
public enum IngestionState {
    IDLE,
    INGESTING,
    FAILED,
    SUCCEEDED
}
