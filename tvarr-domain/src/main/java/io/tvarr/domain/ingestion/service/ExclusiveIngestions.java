package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.Failures;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ingestion.DropLimit;
import io.tvarr.domain.ingestion.IngestionOutcome;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.UnconfirmedDropException;
import io.tvarr.domain.ingestion.port.in.ReadIngestionStatusUseCase;
import io.tvarr.domain.ingestion.port.out.IngestionListener;
import io.tvarr.domain.ingestion.port.out.IngestionStatusRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ingestions of channel and guide sources alike: at most one per source at a time, live progress, and the
 * outcome recorded. The work itself (fetch and parse into a spool, then an atomic replace) is given by the caller.
 * Thread-safe.
 */
public final class ExclusiveIngestions implements ReadIngestionStatusUseCase {
    private static final Logger log = LoggerFactory.getLogger(ExclusiveIngestions.class);

    /** The work of one ingestion: reads the source, replaces its data, and reports progress as it goes. */
    @FunctionalInterface
    public interface Work {
        IngestionOutcome run(IngestionProgress progress);
    }

    private final IngestionStatusRepository statuses;
    private final Executor executor;
    private final Clock clock;
    private final DropLimit dropLimit;
    private final Path spoolDirectory;
    private final Map<IngestionTarget, IngestionProgress> running = new ConcurrentHashMap<>();
    private final List<IngestionListener> listeners = new CopyOnWriteArrayList<>();

    /** With the {@linkplain DropLimit#DEFAULT default} drop limit. */
    public ExclusiveIngestions(IngestionStatusRepository statuses, Executor executor, Clock clock) {
        this(statuses, executor, clock, DropLimit.DEFAULT);
    }

    /** Spooling in the system's temporary directory ({@code java.io.tmpdir}). */
    public ExclusiveIngestions(
            IngestionStatusRepository statuses, Executor executor, Clock clock, DropLimit dropLimit) {
        this(statuses, executor, clock, dropLimit, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param executor runs {@link #start} work; a same-thread executor makes start behave like run
     * @param dropLimit how much of a source's data one ingestion may drop before it needs confirmation
     * @param spoolDirectory where an ingestion keeps what it read until it stores it (made when first needed); the
     *     files are deleted as soon as they are closed, or by the system when the process ends
     */
    public ExclusiveIngestions(
            IngestionStatusRepository statuses,
            Executor executor,
            Clock clock,
            DropLimit dropLimit,
            Path spoolDirectory) {
        this.statuses = statuses;
        this.executor = executor;
        this.clock = clock;
        this.dropLimit = dropLimit;
        this.spoolDirectory = spoolDirectory;
    }

    /** How much of a source's data one ingestion may drop before it needs confirmation. */
    public DropLimit dropLimit() {
        return dropLimit;
    }

    /** Where ingestions spool what they read before they store it. */
    Path spoolDirectory() {
        return spoolDirectory;
    }

    /** Runs now on the calling thread and returns the final status; failures propagate after being recorded. */
    public IngestionStatus run(IngestionTarget target, Work work) {
        return execute(target, claim(target), work);
    }

    /** Claims the target now and runs on the executor; returns the status as it starts. */
    public IngestionStatus start(IngestionTarget target, Work work) {
        IngestionProgress progress = claim(target);
        IngestionStatus starting = stored(target).running(progress);
        try {
            executor.execute(() -> {
                try {
                    execute(target, progress, work);
                } catch (RuntimeException e) {
                    // recorded in the status and logged by execute()
                }
            });
        } catch (RuntimeException e) {
            running.remove(target);
            throw e;
        }
        return starting;
    }

    /** The running progress of the target, or the outcome of its last ingestion. */
    @Override
    public IngestionStatus status(IngestionTarget target) {
        IngestionProgress progress = running.get(target);
        IngestionStatus last = stored(target);
        return progress == null ? last : last.running(progress);
    }

    /** Adds a listener told about every successful ingestion, however it was started. */
    public void whenSucceeded(IngestionListener listener) {
        listeners.add(listener);
    }

    /** Whether an ingestion of this target runs right now. */
    public boolean isRunning(IngestionTarget target) {
        return running.containsKey(target);
    }

    /**
     * Whether an ingestion runs right now for the target with this key, of either kind: for callers that hold
     * source ids as text, such as the generation's guard over a proxy's inputs.
     */
    public boolean isRunning(String targetKey) {
        return running.keySet().stream().anyMatch(target -> target.key().equals(targetKey));
    }

    private IngestionStatus execute(IngestionTarget target, IngestionProgress progress, Work work) {
        Instant started = clock.instant();
        try {
            IngestionOutcome outcome = work.run(progress);
            Instant finished = clock.instant();
            long ms = Duration.between(started, finished).toMillis();
            IngestionStatus done = stored(target).succeeded(finished, outcome.count(), ms, progress, outcome.facts());
            statuses.save(done);
            log.info(
                    "source ingested source_id={} kind={} records={} skipped={} bytes={} duration_ms={}",
                    target.key(),
                    target.what(),
                    outcome.count(),
                    progress.skipped(),
                    progress.bytes(),
                    ms);
            tellListeners(target);
            return done;
        } catch (UnconfirmedDropException e) {
            // nothing was stored: the previous data stays, and no refresh is announced
            IngestionStatus unconfirmed = stored(target).needsConfirmation(clock.instant(), e.getMessage());
            statuses.save(unconfirmed);
            log.warn(
                    "source ingestion needs confirmation source_id={} kind={} reason={}",
                    target.key(),
                    target.what(),
                    unconfirmed.lastError());
            throw e;
        } catch (TvarrException e) {
            IngestionStatus failed = stored(target).failed(clock.instant(), e.getMessage());
            statuses.save(failed);
            log.warn(
                    "source ingestion failed source_id={} kind={} reason={}",
                    target.key(),
                    target.what(),
                    failed.lastError());
            throw e;
        } catch (RuntimeException e) {
            statuses.save(stored(target).failed(clock.instant(), "unexpected failure: " + Failures.describe(e)));
            log.error("source ingestion failed source_id={} kind={}", target.key(), target.what(), e);
            throw e;
        } finally {
            running.remove(target);
        }
    }

    private void tellListeners(IngestionTarget target) {
        for (IngestionListener listener : listeners) {
            try {
                listener.succeeded(target);
            } catch (RuntimeException e) {
                // the ingestion itself succeeded; a listener's trouble must not turn it into a failure
                log.warn("ingestion listener failed source_id={} reason={}", target.key(), e.toString());
            }
        }
    }

    private IngestionProgress claim(IngestionTarget target) {
        IngestionProgress progress = new IngestionProgress();
        if (running.putIfAbsent(target, progress) != null) {
            throw new ConflictException(target.what() + " " + target.key() + ": an ingestion is already running");
        }
        return progress;
    }

    private IngestionStatus stored(IngestionTarget target) {
        return statuses.find(target).orElseGet(() -> IngestionStatus.idle(target));
    }
}
