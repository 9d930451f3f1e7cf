package io.tvarr.http.web;

import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A source with its last refresh's outcome and its next scheduled run (null when none is scheduled). */
public record SourceRow(
        SourceEntry source,
        IngestionStatus status,
        @Nullable Instant nextRun) {
    public boolean running() {
        return status.state() == IngestionState.INGESTING;
    }

    /** The state as a CSS class and a word: {@code succeeded}, {@code failed}, {@code needs_confirmation}… */
    public String state() {
        return Shown.wire(status.state());
    }
}
