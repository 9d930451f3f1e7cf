package io.tvarr.domain.ingestion;

/** Where a source's ingestion stands. */
public enum IngestionState {
    IDLE,
    INGESTING,
    FAILED,
    SUCCEEDED,
    /**
     * The last ingestion would have lost too much of the stored data (nothing at all, or a drop beyond the limit), so
     * the previous data was kept; ingesting again with {@link IngestMode#ACCEPT_DROP} applies whatever it yields.
     */
    NEEDS_CONFIRMATION
}
