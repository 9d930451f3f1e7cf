package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ingestion.IngestionOutcome;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import java.util.Optional;

/**
 * The ingestion use case for one kind of source, on the shared exclusive runner: looks the source up (an unknown
 * id fails before anything is claimed), then runs the kind's {@link #replace} on the calling thread or in the
 * background. Subclasses give only what differs: the target, the lookup and the replacement.
 *
 * @param <I> the id type of the source
 * @param <S> the source definition
 */
public abstract class SourceIngestion<I, S> implements IngestSourceUseCase<I> {
    private final ExclusiveIngestions ingestions;

    protected SourceIngestion(ExclusiveIngestions ingestions) {
        this.ingestions = ingestions;
    }

    @Override
    public final IngestionStatus ingest(I id) {
        S source = find(id);
        return ingestions.run(target(id), progress -> replace(source, progress));
    }

    @Override
    public final IngestionStatus start(I id) {
        S source = find(id);
        return ingestions.start(target(id), progress -> replace(source, progress));
    }

    @Override
    public final IngestionStatus status(I id) {
        find(id);
        return ingestions.status(target(id));
    }

    /** The runner's key for the source. */
    protected abstract IngestionTarget target(I id);

    /** The stored source definition, if there is one. */
    protected abstract Optional<S> findById(I id);

    /**
     * Reads the source through its handler into an atomic replace of its stored data; runs on the ingesting thread.
     * A failure must leave the stored data untouched.
     */
    protected abstract IngestionOutcome replace(S source, IngestionProgress progress);

    private S find(I id) {
        IngestionTarget target = target(id);
        return findById(id)
                .orElseThrow(() -> new NotFoundException(target.what() + " " + target.key() + ": not found"));
    }
}
