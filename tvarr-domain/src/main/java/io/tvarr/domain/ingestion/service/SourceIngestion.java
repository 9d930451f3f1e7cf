package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionOutcome;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ingestion use case for one kind of source, on the shared exclusive runner: looks the source up (an unknown
 * id fails before anything is claimed), then runs the kind's {@link #replace} on the calling thread or in the
 * background. Subclasses give only what differs: how a source is found, how its data is counted and replaced.
 *
 * <p>Every replace of a remote source reads the whole source first, spooling what the handler yields to a file (the
 * download and the parse hold no transaction open: on SQLite that would hold the one write lock every other write
 * waits for), then stores the spool in one short replace; a local file cannot stall, so a kind may read it straight
 * into its replace (channels on a thread of their own, see {@link ChannelIngestionService}; guides inside the
 * replace, see {@link GuideIngestionService}). It is guarded: it counts what the handler yields and, unless the drop was
 * accepted, stores nothing when that is nothing or much less than is stored ({@link ReplaceGuard}); the status then
 * says why.
 *
 * @param <I> the id type of the source
 * @param <S> the source definition
 */
public abstract class SourceIngestion<I, S> implements IngestSourceUseCase<I> {
    private final ExclusiveIngestions ingestions;
    private final Function<I, IngestionTarget> target;
    private final Function<I, Optional<S>> finder;

    /**
     * @param target the runner's key for a source id
     * @param finder the stored source definition of an id, if there is one
     */
    protected SourceIngestion(
            ExclusiveIngestions ingestions, Function<I, IngestionTarget> target, Function<I, Optional<S>> finder) {
        this.ingestions = ingestions;
        this.target = target;
        this.finder = finder;
    }

    @Override
    public final IngestionStatus ingest(I id, IngestMode mode) {
        S source = find(id);
        IngestionTarget key = target.apply(id);
        return ingestions.run(key, progress -> replace(source, progress, guard(key, source, mode, progress)));
    }

    @Override
    public final IngestionStatus start(I id, IngestMode mode) {
        S source = find(id);
        IngestionTarget key = target.apply(id);
        return ingestions.start(key, progress -> replace(source, progress, guard(key, source, mode, progress)));
    }

    @Override
    public final IngestionStatus status(I id) {
        find(id);
        return ingestions.status(target.apply(id));
    }

    /**
     * Reads the source through its handler into a spool ({@link #spoolDirectory()}), then replaces its stored data
     * from the spool atomically; runs on the ingesting thread. Once the handler returned, before the replace commits,
     * it must call {@link ReplaceGuard#beforeCommit} with the number of records yielded (a local file read straight
     * into the replace calls it inside the replace, whose rollback its refusal causes). A failure (the guard's included)
     * must leave the stored data untouched, and the spool is deleted whatever happens.
     */
    protected abstract IngestionOutcome replace(S source, IngestionProgress progress, ReplaceGuard guard);

    /** Where this ingestion's spool files go. */
    protected final Path spoolDirectory() {
        return ingestions.spoolDirectory();
    }

    /** How many records the source holds now, in the unit of {@link #unit()}. */
    protected abstract long storedCount(S source);

    /** What the guard counts, plural, for messages: {@code "channels"}, {@code "programmes"}. */
    protected abstract String unit();

    /** Counted on the ingesting thread once the target is claimed, so no other ingestion changes it meanwhile. */
    private ReplaceGuard guard(IngestionTarget key, S source, IngestMode mode, IngestionProgress progress) {
        return new ReplaceGuard(key, ingestions.dropLimit(), mode, storedCount(source), unit(), progress);
    }

    private S find(I id) {
        return finder.apply(id).orElseThrow(() -> {
            IngestionTarget missing = target.apply(id);
            return new NotFoundException(missing.what() + " " + missing.key() + ": not found");
        });
    }
}
