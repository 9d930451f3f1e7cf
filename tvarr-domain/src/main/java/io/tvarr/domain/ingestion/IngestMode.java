package io.tvarr.domain.ingestion;

/** Whether an ingestion may replace the stored data with much less than there is. */
public enum IngestMode {
    /** The usual: an ingestion yielding nothing, or dropping more than the limit allows, keeps the stored data. */
    GUARDED,
    /** The operator accepted the drop: whatever the ingestion yields replaces the stored data, even nothing. */
    ACCEPT_DROP
}
