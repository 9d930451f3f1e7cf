package io.tvarr.ingest.fetch;

import io.tvarr.domain.ingestion.IngestionProgress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The entries one ingestion skips: each is counted in the progress, the first {@link #LOGGED} are logged with
 * their reason and the rest only counted, so a source of the wrong kind (a guide added as a playlist) logs a
 * handful of lines and a summary instead of one line per entry. One instance per ingestion; not thread-safe.
 */
public final class SkippedEntries {
    /** How many skipped entries are logged one by one. */
    public static final int LOGGED = 5;

    private final Logger log;
    private final String what;
    private final Object source;
    private final IngestionProgress progress;
    private long count;
    private @Nullable String first;

    /**
     * @param what the kind of entry in log lines ("playlist entry", "guide entry", "xtream entry")
     * @param source the source's id, for the log lines
     */
    public SkippedEntries(Logger log, String what, Object source, IngestionProgress progress) {
        this.log = log;
        this.what = what;
        this.source = source;
        this.progress = progress;
    }

    /** Counts one skipped entry; logs it while fewer than {@link #LOGGED} were logged. */
    public void add(String reason) {
        progress.entrySkipped();
        count++;
        if (first == null) {
            first = reason;
        }
        if (count <= LOGGED) {
            log.info("{} skipped source_id={} reason={}", what, source, reason);
        }
    }

    /** How many entries were skipped. */
    public long count() {
        return count;
    }

    /** The reason of the first skipped entry, if any was skipped. */
    public @Nullable String first() {
        return first;
    }

    /** Logs the total once the source is read, when more were skipped than logged one by one. */
    public void summarise() {
        if (count > LOGGED) {
            log.info("{} skipped source_id={} skipped={} logged={}", what, source, count, LOGGED);
        }
    }
}
