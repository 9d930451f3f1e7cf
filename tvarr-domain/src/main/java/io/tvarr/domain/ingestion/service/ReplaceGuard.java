package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.ingestion.DropLimit;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.UnconfirmedDropException;

/**
 * Stops one ingestion's replace when it would lose too much of the stored data. The ingestion calls
 * {@link #beforeCommit} once the handler returned and its records are spooled, before the repository's replace
 * begins, or, for a source or guide read straight from a local file into the replace, inside the replace before it
 * commits: the exception it throws there leaves the previous data as it was (the replace rolls back).
 */
public final class ReplaceGuard {
    private final IngestionTarget target;
    private final DropLimit limit;
    private final IngestMode mode;
    private final long stored;
    private final String unit;
    private final IngestionProgress progress;

    /**
     * @param stored how many records the source holds before the replace
     * @param unit what is counted, plural: {@code "channels"}, {@code "programmes"}
     */
    ReplaceGuard(
            IngestionTarget target,
            DropLimit limit,
            IngestMode mode,
            long stored,
            String unit,
            IngestionProgress progress) {
        this.target = target;
        this.limit = limit;
        this.mode = mode;
        this.stored = stored;
        this.unit = unit;
        this.progress = progress;
    }

    /**
     * Lets the replace commit, or throws {@link UnconfirmedDropException} naming the loss when the ingestion was not
     * accepted in advance and yields nothing or drops more than the limit.
     *
     * @param incoming the records the ingestion yielded
     */
    public void beforeCommit(long incoming) {
        if (mode == IngestMode.ACCEPT_DROP) {
            return;
        }
        limit.objection(stored, incoming, unit).ifPresent(reason -> {
            throw new UnconfirmedDropException(target.what() + " " + target.key() + ": " + reason
                    + IngestionProgress.skippedNote(progress.skipped()));
        });
    }
}
