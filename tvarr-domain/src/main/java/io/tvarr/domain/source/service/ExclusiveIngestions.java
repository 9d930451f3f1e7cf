package io.tvarr.domain.source.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ingestion.InputRefreshed;
import io.tvarr.domain.source.IngestionProgress;
import io.tvarr.domain.source.IngestionStatus;
import io.tvarr.domain.source.port.out.IngestionStatusRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ingestions of channel and guide sources alike: at most one per source at a time, live progress, and the
 * outcome recorded. The work itself (fetch, parse, atomic replace) is given by the caller. Thread-safe.
 */
public final class ExclusiveIngestions {
    private static final Logger log = LoggerFactory.getLogger(ExclusiveIngestions.class);

    /**
     * What an ingestion produced: how many records were stored, provider facts to show, and the refreshed input
     * announced to the listeners.
     */
    public record Outcome(long count, Map<String, String> facts, InputRefreshed refreshed) {}

    private final IngestionStatusRepository statuses;
    private final Executor executor;
    private final Clock clock;
    private final Map<String, IngestionProgress> running = new ConcurrentHashMap<>();
    private final List<InputRefreshed.Listener> successListeners = new CopyOnWriteArrayList<>();

    public ExclusiveIngestions(IngestionStatusRepository statuses, Executor executor, Clock clock) {
        this.statuses = statuses;
        this.executor = executor;
        this.clock = clock;
    }

    /** Runs now on the calling thread. */
    public IngestionStatus run(String targetId, String what, Function<IngestionProgress, Outcome> work) {
        return execute(targetId, what, claim(targetId, what), work);
    }

    /** Claims the source now and runs in the background; returns the status as it starts. */
    public IngestionStatus start(String targetId, String what, Function<IngestionProgress, Outcome> work) {
        IngestionProgress progress = claim(targetId, what);
        IngestionStatus starting = stored(targetId).running(progress);
        try {
            executor.execute(() -> {
                try {
                    execute(targetId, what, progress, work);
                } catch (RuntimeException e) {
                    // recorded in the status and logged by execute()
                }
            });
        } catch (RuntimeException e) {
            running.remove(targetId);
            throw e;
        }
        return starting;
    }

    public IngestionStatus status(String targetId) {
        IngestionProgress progress = running.get(targetId);
        IngestionStatus last = stored(targetId);
        return progress == null ? last : last.running(progress);
    }

    /**
     * Tells the listener which input was refreshed after every successful ingestion, however it was started.
     * Listeners run on the ingesting thread and must not throw.
     */
    public void whenSucceeded(InputRefreshed.Listener listener) {
        successListeners.add(listener);
    }

    /** Whether an ingestion of this source runs right now. */
    public boolean isRunning(String targetId) {
        return running.containsKey(targetId);
    }

    private IngestionStatus execute(
            String targetId, String what, IngestionProgress progress, Function<IngestionProgress, Outcome> work) {
        Instant started = clock.instant();
        try {
            Outcome outcome = work.apply(progress);
            Instant finished = clock.instant();
            long ms = Duration.between(started, finished).toMillis();
            IngestionStatus done =
                    stored(targetId).succeeded(finished, outcome.count(), ms, progress.skipped(), outcome.facts());
            statuses.save(done);
            log.info(
                    "source ingested source_id={} kind={} records={} skipped={} bytes={} duration_ms={}",
                    targetId,
                    what,
                    outcome.count(),
                    progress.skipped(),
                    progress.bytes(),
                    ms);
            for (InputRefreshed.Listener listener : successListeners) {
                try {
                    listener.refreshed(outcome.refreshed());
                } catch (RuntimeException e) {
                    log.warn("ingestion listener failed source_id={} reason={}", targetId, e.toString());
                }
            }
            return done;
        } catch (TvarrException e) {
            statuses.save(stored(targetId).failed(clock.instant(), e.getMessage()));
            log.warn("source ingestion failed source_id={} kind={} reason={}", targetId, what, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            statuses.save(stored(targetId).failed(clock.instant(), "unexpected failure: " + e));
            log.error("source ingestion failed source_id={} kind={}", targetId, what, e);
            throw e;
        } finally {
            running.remove(targetId);
        }
    }

    private IngestionProgress claim(String targetId, String what) {
        IngestionProgress progress = new IngestionProgress();
        if (running.putIfAbsent(targetId, progress) != null) {
            throw new ConflictException(what + " " + targetId + ": an ingestion is already running");
        }
        return progress;
    }

    private IngestionStatus stored(String targetId) {
        return statuses.find(targetId).orElseGet(() -> IngestionStatus.idle(targetId));
    }
}
