package io.tvarr.pipeline.stage.guard;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Waits, up to a bound, until no ingestion of a proxy's inputs is running, so a generation does not start from
 * data that is about to be replaced. Ingestions replace data atomically, so giving up after the bound is safe:
 * the generation then reads the last complete copy.
 */
public final class IngestionGuard {
    /** How the wait ended. */
    public record Outcome(Duration waited, List<String> stillRunning) {
        public boolean timedOut() {
            return !stillRunning.isEmpty();
        }
    }

    private final Predicate<String> running;
    private final Duration maxWait;
    private final Duration pollInterval;

    /** @param running whether an ingestion of the given source id runs now */
    public IngestionGuard(Predicate<String> running, Duration maxWait, Duration pollInterval) {
        this.running = running;
        this.maxWait = maxWait;
        this.pollInterval = pollInterval;
    }

    public Outcome await(Collection<String> inputs) {
        long started = System.nanoTime();
        long deadline = started + maxWait.toNanos();
        List<String> busy = busy(inputs);
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pollInterval.toMillis(), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            busy = busy(inputs);
        }
        return new Outcome(Duration.ofNanos(System.nanoTime() - started), busy);
    }

    private List<String> busy(Collection<String> inputs) {
        return inputs.stream().filter(running).toList();
    }
}
