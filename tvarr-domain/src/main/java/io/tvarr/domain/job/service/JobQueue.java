package io.tvarr.domain.job.service;

import io.tvarr.domain.Checks;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent job queue, shared by every instance on one store. Jobs are stored before they run and the store is
 * the queue: an instance starts a job by claiming it there ({@link JobRepository#claimNext}), so two instances never
 * start the same job, and holds it under a lease that {@link #heartbeat()} renews. A job whose lease ran out (its
 * instance crashed) is taken over: marked failed and queued again. At most {@code workers} jobs run at once on an
 * instance and at most one per target anywhere; a trigger for a target that already has a queued job returns that
 * job. An instance alone on its store (SQLite) treats every job running at start as cut off by its own last run.
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

    /**
     * Which instance this queue runs in.
     *
     * @param id names the instance in the store and the API
     * @param lease how long a running job stays this instance's without a {@link #heartbeat()}
     * @param shared whether other instances may use the store; when not, jobs running at start are this instance's
     *     own, cut off by its last run, and are taken over at once instead of after their lease
     */
    public record Instance(String id, Duration lease, boolean shared) {
        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

        public Instance {
            id = Checks.requireText(id, "instance.id");
            if (id.length() > 64) {
                throw new ValidationException("instance.id: " + id.length() + " characters (expected: 1-64)");
            }
            if (lease.isNegative() || lease.isZero()) {
                throw new ValidationException("instance.lease: " + lease + " (expected: more than zero)");
            }
        }

        /** An instance alone on its store. */
        public static Instance alone(String id) {
            return new Instance(id, DEFAULT_LEASE, false);
        }
    }

    private static final class Running {
        Job job;

        @Nullable
        Future<?> future;

        boolean cancelRequested;

        /** Taken over by another instance: whatever the work ends with, the store already holds the outcome. */
        boolean lost;

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
    private final Instance instance;
    private final Map<String, Running> running = new HashMap<>();
    private boolean closed;

    /** A queue alone on its store, named "local". */
    public JobQueue(
            JobRepository jobs,
            Map<JobKind, JobWork> work,
            Settings settings,
            Retries retries,
            ExecutorService executor,
            JobEvents events,
            Clock clock) {
        this(jobs, work, settings, retries, executor, events, clock, Instance.alone("local"));
    }

    public JobQueue(
            JobRepository jobs,
            Map<JobKind, JobWork> work,
            Settings settings,
            Retries retries,
            ExecutorService executor,
            JobEvents events,
            Clock clock,
            Instance instance) {
        this.jobs = jobs;
        this.work = Map.copyOf(work);
        this.settings = settings;
        this.retries = retries;
        this.executor = executor;
        this.events = events;
        this.clock = clock;
        this.instance = instance;
    }

    public Instance instance() {
        return instance;
    }

    /**
     * Picks up where the last run stopped: interrupted jobs fail and run again, stored queued jobs run (one per
     * target; later duplicates are cancelled). Jobs this process already holds are left alone. With other instances
     * on the store, only jobs of this instance's name or with an expired lease count as interrupted.
     */
    public synchronized void recover() {
        Instant now = clock.instant();
        for (Job interrupted : jobs.findByState(JobState.RUNNING)) {
            boolean ours = !instance.shared() || instance.id().equals(interrupted.instance());
            if (ours && live(interrupted.id()) == null) {
                Job failed = interrupted.fail(now, "interrupted: tvarr stopped while the job ran");
                store(failed);
                log.warn(
                        "job interrupted by shutdown job_id={} kind={} target={}",
                        failed.id(),
                        failed.kind(),
                        failed.target());
                submit(failed.kind(), failed.target());
            }
        }
        takeOverExpired(now);
        Set<String> targets = new HashSet<>();
        for (Job waiting : jobs.findByState(JobState.QUEUED)) {
            if (!targets.add(waiting.target())) {
                Job cancelled = waiting.cancel(now);
                if (jobs.updateIf(cancelled, JobState.QUEUED)) {
                    events.changed(cancelled);
                }
            }
        }
        dispatch();
    }

    /**
     * What an instance does regularly, more often than its lease: renews the leases of the jobs it runs (and stops
     * those cancelled through another instance), takes over jobs whose instance stopped, and starts queued jobs,
     * including those other instances queued.
     */
    public synchronized void heartbeat() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        if (!running.isEmpty()) {
            List<JobId> ids = running.values().stream().map(run -> run.job.id()).toList();
            JobRepository.LeaseRenewal renewal = jobs.renewLeases(instance.id(), ids, now.plus(instance.lease()));
            for (Running run : running.values()) {
                boolean lost = renewal.lost().contains(run.job.id());
                if (lost || renewal.cancelRequested().contains(run.job.id())) {
                    if (lost) {
                        log.warn("job lost to another instance job_id={} instance={}", run.job.id(), instance.id());
                    }
                    run.lost |= lost;
                    stop(run);
                }
            }
        }
        takeOverExpired(now);
        dispatch();
    }

    /** Queues a job, or returns the one already queued for the target. */
    public synchronized Job submit(JobKind kind, String target) {
        if (!work.containsKey(kind)) {
            throw new ValidationException("kind: " + kind + " cannot be queued here");
        }
        Optional<Job> waiting = jobs.findQueued(target);
        if (waiting.isPresent()) {
            return waiting.get();
        }
        Job job = Job.queued(kind, target, clock.instant());
        jobs.insert(job);
        events.changed(job);
        dispatch();
        return job;
    }

    /**
     * Cancels a queued job at once, a running one as soon as its work stops (on whichever instance runs it).
     *
     * @throws NotFoundException when no such job exists
     * @throws ConflictException when the job already finished
     */
    public synchronized Job cancel(JobId id) {
        // a queued job may be claimed between reading and writing it; the second look finds it running
        for (int look = 0; look < 3; look++) {
            for (Running run : running.values()) {
                if (run.job.id().equals(id)) {
                    stop(run);
                    return run.job;
                }
            }
            Job stored = jobs.findById(id).orElseThrow(() -> new NotFoundException("job " + id + ": not found"));
            if (stored.state() == JobState.QUEUED) {
                Job cancelled = stored.cancel(clock.instant());
                if (jobs.updateIf(cancelled, JobState.QUEUED)) {
                    events.changed(cancelled);
                    return cancelled;
                }
            } else if (stored.state() == JobState.RUNNING) {
                if (jobs.requestCancel(id)) {
                    log.info("job cancel requested job_id={} instance={}", id, stored.instance());
                    return stored;
                }
            } else {
                throw new ConflictException(
                        "job " + id + ": already " + stored.state().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        throw new ConflictException("job " + id + ": changed while being cancelled; try again");
    }

    /** The jobs running on this instance now, as they are live. */
    public synchronized List<Job> runningHere() {
        return running.values().stream().map(run -> run.job).toList();
    }

    /** The live version of a job when it runs here. */
    public synchronized @Nullable Job live(JobId id) {
        for (Running run : running.values()) {
            if (run.job.id().equals(id)) {
                return run.job;
            }
        }
        return null;
    }

    private void stop(Running run) {
        run.cancelRequested = true;
        if (run.future != null) {
            run.future.cancel(true);
        }
    }

    /** Ends jobs whose instance stopped renewing their lease, and queues them again. */
    private void takeOverExpired(Instant now) {
        for (Job expired : jobs.findLeaseExpired(now)) {
            if (live(expired.id()) != null) {
                continue;
            }
            String stopped = expired.instance() == null ? "tvarr" : "instance " + expired.instance();
            Job failed = expired.fail(now, "interrupted: " + stopped + " stopped while the job ran");
            if (jobs.expire(failed, now)) {
                events.changed(failed);
                log.warn(
                        "job taken over job_id={} kind={} target={} stopped_instance={} instance={}",
                        failed.id(),
                        failed.kind(),
                        failed.target(),
                        expired.instance(),
                        instance.id());
                if (work.containsKey(failed.kind())) {
                    submit(failed.kind(), failed.target());
                }
            }
        }
    }

    private void dispatch() {
        while (!closed && running.size() < settings.workers()) {
            Instant now = clock.instant();
            Optional<Job> claimed =
                    jobs.claimNext(instance.id(), now, now.plus(instance.lease()), Set.copyOf(running.keySet()));
            if (claimed.isEmpty()) {
                return;
            }
            Job job = claimed.get();
            events.changed(job);
            if (!work.containsKey(job.kind())) {
                store(job.fail(now, "kind: " + job.kind() + " cannot run on instance " + instance.id()));
                continue;
            }
            Running run = new Running(job);
            running.put(job.target(), run);
            run.future = executor.submit(() -> execute(run));
        }
    }

    /** Starts what waits after a job ended; a store that cannot answer now is asked again at the next heartbeat. */
    private void dispatchAfterFinish() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("queued jobs not started reason={}", Failures.describe(e));
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
        // an instance that took the job over (this one stalled past its lease) stored its outcome and queued it again
        if (!run.lost && jobs.updateIf(done, JobState.RUNNING)) {
            events.changed(done);
        } else {
            done = jobs.findById(done.id()).orElse(done);
        }
        running.remove(done.target());
        Thread.interrupted();
        dispatchAfterFinish();
        return done;
    }

    private synchronized void retried(Running run, @Nullable Throwable failure) {
        run.job = run.job.retry();
        if (!run.lost) {
            store(run.job);
        }
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
