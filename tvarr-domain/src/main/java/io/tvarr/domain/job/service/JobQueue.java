package io.tvarr.domain.job.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.Failures;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.out.JobEvents;
import io.tvarr.domain.job.port.out.JobRepository;
import io.tvarr.domain.job.port.out.JobWork;
import io.tvarr.domain.job.port.out.Retries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent job queue. Jobs are stored before they run, so a restart finds them: queued ones are queued
 * again, running ones (cut off by a crash) are marked failed and queued again. At most {@code workers} jobs run at
 * once and at most one per target; a trigger for a target that already has a queued job returns that job.
 * Transient failures are retried with exponential backoff; refusals and invalid input are not. Thread-safe.
 */
public final class JobQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    /**
     * Queue settings.
     *
     * @param workers jobs that may run at once, one or more
     * @param retries tries after the first for transient failures
     * @param retryDelay first backoff delay; it doubles up to sixteen times this
     */
    public record Settings(int workers, int retries, Duration retryDelay) {
        public static final Settings DEFAULT = new Settings(2, 3, Duration.ofSeconds(30));

        public Settings {
            if (workers < 1) {
                throw new ValidationException("workers: " + workers + " (expected: 1 or more)");
            }
            if (retries < 0) {
                throw new ValidationException("retries: " + retries + " (expected: zero or more)");
            }
            if (retryDelay.isNegative() || retryDelay.isZero()) {
                throw new ValidationException("retry_delay: " + retryDelay + " (expected: more than zero)");
            }
        }
    }

    private static final class Running {
        Job job;

        @Nullable
        Future<?> future;

        boolean cancelRequested;

        Running(Job job) {
            this.job = job;
        }
    }

    private final JobRepository jobs;
    private final Map<JobKind, JobWork> work;
    private final Settings settings;
    private final Retries retries;
    private final ExecutorService executor;
    private final JobEvents events;
    private final Clock clock;
    private final Deque<Job> queued = new ArrayDeque<>();
    private final Map<String, Running> running = new HashMap<>();
    private boolean closed;

    public JobQueue(
            JobRepository jobs,
            Map<JobKind, JobWork> work,
            Settings settings,
            Retries retries,
            ExecutorService executor,
            JobEvents events,
            Clock clock) {
        this.jobs = jobs;
        this.work = Map.copyOf(work);
        this.settings = settings;
        this.retries = retries;
        this.executor = executor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Picks up where the last run stopped: stored queued jobs run, interrupted ones fail and run again. Jobs this
     * process already holds (submitted before recovery) are left alone.
     */
    public synchronized void recover() {
        for (Job interrupted : jobs.findByState(JobState.RUNNING)) {
            if (live(interrupted.id()) != null) {
                continue;
            }
            Job failed = interrupted.fail(clock.instant(), "interrupted: tvarr stopped while the job ran");
            store(failed);
            log.warn(
                    "job interrupted by shutdown job_id={} kind={} target={}",
                    failed.id(),
                    failed.kind(),
                    failed.target());
            submit(failed.kind(), failed.target());
        }
        for (Job waiting : jobs.findByState(JobState.QUEUED)) {
            if (live(waiting.id()) != null) {
                continue;
            }
            if (findQueued(waiting.target()) == null) {
                queued.addLast(waiting);
            } else {
                store(waiting.cancel(clock.instant()));
            }
        }
        dispatch();
    }

    /** Queues a job, or returns the one already queued for the target. */
    public synchronized Job submit(JobKind kind, String target) {
        if (!work.containsKey(kind)) {
            throw new ValidationException("kind: " + kind + " cannot be queued here");
        }
        Job waiting = findQueued(target);
        if (waiting != null) {
            return waiting;
        }
        Job job = Job.queued(kind, target, clock.instant());
        jobs.insert(job);
        events.changed(job);
        queued.addLast(job);
        dispatch();
        return job;
    }

    /**
     * Cancels a queued job at once, a running one as soon as its work stops.
     *
     * @throws NotFoundException when no such job exists
     * @throws ConflictException when the job already finished
     */
    public synchronized Job cancel(JobId id) {
        for (Iterator<Job> it = queued.iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (job.id().equals(id)) {
                it.remove();
                Job cancelled = job.cancel(clock.instant());
                store(cancelled);
                return cancelled;
            }
        }
        for (Running run : running.values()) {
            if (run.job.id().equals(id)) {
                run.cancelRequested = true;
                if (run.future != null) {
                    run.future.cancel(true);
                }
                return run.job;
            }
        }
        Job stored = jobs.findById(id).orElseThrow(() -> new NotFoundException("job " + id + ": not found"));
        throw new ConflictException(
                "job " + id + ": already " + stored.state().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The live version of a job when it is queued or running here. */
    public synchronized @Nullable Job live(JobId id) {
        for (Job job : queued) {
            if (job.id().equals(id)) {
                return job;
            }
        }
        for (Running run : running.values()) {
            if (run.job.id().equals(id)) {
                return run.job;
            }
        }
        return null;
    }

    private @Nullable Job findQueued(String target) {
        for (Job job : queued) {
            if (job.target().equals(target)) {
                return job;
            }
        }
        return null;
    }

    private void dispatch() {
        if (closed) {
            return;
        }
        for (Iterator<Job> it = queued.iterator(); it.hasNext() && running.size() < settings.workers(); ) {
            Job job = it.next();
            if (running.containsKey(job.target())) {
                continue;
            }
            it.remove();
            Running run = new Running(job.start(clock.instant()));
            store(run.job);
            running.put(job.target(), run);
            run.future = executor.submit(() -> execute(run));
        }
    }

    private void execute(Running run) {
        Job job;
        synchronized (this) {
            job = run.job;
        }
        Job finished;
        try {
            Map<String, Long> summary = retries.run(
                    () -> work.get(job.kind()).run(job.target()),
                    new Retries.Backoff(
                            settings.retries(),
                            settings.retryDelay(),
                            settings.retryDelay().multipliedBy(16)),
                    new Decisions(run));
            finished = finish(run, null, summary);
        } catch (RuntimeException e) {
            finished = finish(run, e, Map.of());
        }
        log.info(
                "job finished job_id={} kind={} target={} state={} attempts={} duration_ms={}",
                finished.id(),
                finished.kind(),
                finished.target(),
                finished.state(),
                finished.attempts(),
                finished.duration() == null ? 0 : finished.duration().toMillis());
    }

    private synchronized Job finish(Running run, @Nullable Throwable failure, Map<String, Long> summary) {
        Job done;
        if (run.cancelRequested) {
            done = run.job.cancel(clock.instant());
        } else if (failure == null) {
            done = run.job.succeed(clock.instant(), summary);
        } else {
            String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            done = run.job.fail(clock.instant(), reason);
        }
        store(done);
        running.remove(done.target());
        Thread.interrupted();
        dispatch();
        return done;
    }

    private synchronized void retried(Running run, @Nullable Throwable failure) {
        run.job = run.job.retry();
        store(run.job);
        log.info(
                "job retried job_id={} attempt={} reason={}",
                run.job.id(),
                run.job.attempts(),
                failure == null ? "-" : Failures.describe(failure));
    }

    private synchronized boolean cancelRequested(Running run) {
        return run.cancelRequested;
    }

    /** Retries a running job only after transient failures and never once it was cancelled. */
    private final class Decisions implements Retries.Decisions {
        private final Running run;

        Decisions(Running run) {
            this.run = run;
        }

        @Override
        public boolean worthRetrying(Throwable failure) {
            return isTransient(failure);
        }

        @Override
        public boolean cancelled() {
            return cancelRequested(run);
        }

        @Override
        public void retrying(@Nullable Throwable failure) {
            retried(run, failure);
        }
    }

    private void store(Job job) {
        jobs.update(job);
        events.changed(job);
    }

    /** Worth another try: not invalid input, not a missing target, not a provider's refusal. */
    static boolean isTransient(Throwable failure) {
        return !(failure instanceof ValidationException
                || failure instanceof NotFoundException
                || failure instanceof ConflictException
                || failure instanceof RefusedUpstreamException
                || failure instanceof InterruptedException);
    }

    /** Stops dispatching; running jobs are interrupted and, if cut off, recovered at the next start. */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
