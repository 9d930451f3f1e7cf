package io.tvarr.domain.job.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.out.JobWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue over an in-memory job store; work is given by the tests, which wait on latches, never on time. */
class JobQueueTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T08:00:00Z"), ZoneOffset.UTC);

    InMemoryJobRepository store = new InMemoryJobRepository();
    ExecutorService executor = Executors.newCachedThreadPool();
    Map<JobKind, JobWork> work = new EnumMap<>(JobKind.class);
    List<Job> events = Collections.synchronizedList(new ArrayList<>());
    JobQueue queue;

    @AfterEach
    void close() throws InterruptedException {
        if (queue != null) {
            queue.close();
        }
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private JobQueue queue(int workers, int retries) {
        queue = new JobQueue(
                store,
                work,
                new JobQueue.Settings(workers, retries, Duration.ofMillis(1)),
                new ImmediateRetries(),
                executor,
                events::add,
                CLOCK);
        return queue;
    }

    private Job awaitFinal(Job job) throws InterruptedException {
        for (int i = 0; i < 5000; i++) {
            Job stored = store.findById(job.id()).orElseThrow();
            if (stored.state().isFinal()) {
                return stored;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("job " + job.id() + " did not finish");
    }

    @Test
    void a_job_runs_and_its_summary_is_stored_with_every_state_announced() throws Exception {
        work.put(JobKind.SOURCE_INGEST, target -> Map.of("records", 42L));

        Job done = awaitFinal(queue(2, 0).submit(JobKind.SOURCE_INGEST, "s1"));

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.summary()).containsEntry("records", 42L);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(events)
                .extracting(Job::state)
                .containsSubsequence(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
    }

    @Test
    void triggers_for_a_target_that_is_already_queued_coalesce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        work.put(JobKind.SOURCE_INGEST, target -> {
            runs.incrementAndGet();
            await(release);
            return Map.of();
        });
        JobQueue q = queue(1, 0);
        Job blocking = q.submit(JobKind.SOURCE_INGEST, "busy");

        Job first = q.submit(JobKind.SOURCE_INGEST, "s1");
        Job second = q.submit(JobKind.SOURCE_INGEST, "s1");
        release.countDown();

        assertThat(second.id()).isEqualTo(first.id());
        awaitFinal(blocking);
        awaitFinal(first);
        assertThat(runs).hasValue(2);
        assertThat(store.findPage(null, null, 0, 10).total()).isEqualTo(2);
    }

    @Test
    void never_more_than_the_worker_count_and_never_two_for_one_target() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Map<String, AtomicInteger> perTarget = new ConcurrentHashMap<>();
        AtomicInteger mostPerTarget = new AtomicInteger();
        work.put(JobKind.PROXY_GENERATE, target -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            mostPerTarget.accumulateAndGet(
                    perTarget.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            perTarget.get(target).decrementAndGet();
            running.decrementAndGet();
            return Map.of();
        });
        JobQueue q = queue(2, 0);
        List<Job> jobs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int t = 0; t < 4; t++) {
                jobs.add(q.submit(JobKind.PROXY_GENERATE, "p" + t));
            }
        }

        for (Job job : jobs) {
            awaitFinal(job);
        }

        assertThat(most.get()).isLessThanOrEqualTo(2);
        assertThat(mostPerTarget.get()).isEqualTo(1);
    }

    @Test
    void transient_failures_are_retried_and_refusals_are_not() throws Exception {
        AtomicInteger flaky = new AtomicInteger();
        work.put(JobKind.SOURCE_INGEST, target -> {
            if (target.equals("flaky") && flaky.incrementAndGet() < 3) {
                throw new UpstreamException("http://provider: timed out");
            }
            if (target.equals("refused")) {
                throw new RefusedUpstreamException("http://provider: http 401");
            }
            return Map.of();
        });
        JobQueue q = queue(2, 3);

        Job recovered = awaitFinal(q.submit(JobKind.SOURCE_INGEST, "flaky"));
        Job refused = awaitFinal(q.submit(JobKind.SOURCE_INGEST, "refused"));

        assertThat(recovered.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(recovered.attempts()).isEqualTo(3);
        assertThat(refused.state()).isEqualTo(JobState.FAILED);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.error()).contains("401");
    }

    @Test
    void queued_jobs_can_be_cancelled_and_running_ones_are_stopped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        work.put(JobKind.EPG_INGEST, target -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                throw new UpstreamException("interrupted");
            }
            return Map.of();
        });
        JobQueue q = queue(1, 5);
        Job running = q.submit(JobKind.EPG_INGEST, "g1");
        Job waiting = q.submit(JobKind.EPG_INGEST, "g2");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(q.cancel(waiting.id()).state()).isEqualTo(JobState.CANCELLED);
        q.cancel(running.id());

        assertThat(awaitFinal(running).state()).isEqualTo(JobState.CANCELLED);
        assertThat(store.findById(waiting.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void on_start_jobs_cut_off_by_a_crash_fail_and_run_again_and_stored_queued_jobs_run() throws Exception {
        Job crashed = Job.queued(JobKind.SOURCE_INGEST, "s1", CLOCK.instant()).start(CLOCK.instant(), "local");
        store.insert(crashed);
        Job waiting = Job.queued(JobKind.PROXY_GENERATE, "p1", CLOCK.instant());
        store.insert(waiting);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        work.put(JobKind.SOURCE_INGEST, target -> {
            ran.add(target);
            return Map.of();
        });
        work.put(JobKind.PROXY_GENERATE, target -> {
            ran.add(target);
            return Map.of();
        });

        queue(2, 0).recover();

        assertThat(store.findById(crashed.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(store.findById(crashed.id()).orElseThrow().error()).contains("interrupted");
        assertThat(awaitFinal(waiting).state()).isEqualTo(JobState.SUCCEEDED);
        Job rerun = store.findPage(null, JobKind.SOURCE_INGEST, 0, 10).items().stream()
                .filter(j -> !j.id().equals(crashed.id()))
                .findFirst()
                .orElseThrow();
        assertThat(awaitFinal(rerun).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(ran).containsExactlyInAnyOrder("s1", "p1");
    }

    @Test
    void recovery_leaves_jobs_this_process_already_runs_alone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        work.put(JobKind.SOURCE_INGEST, target -> {
            started.countDown();
            await(release);
            return Map.of();
        });
        JobQueue q = queue(1, 0);
        Job running = q.submit(JobKind.SOURCE_INGEST, "s1");
        Job waiting = q.submit(JobKind.SOURCE_INGEST, "s2");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        q.recover();
        release.countDown();

        assertThat(awaitFinal(running).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(awaitFinal(waiting).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(store.findPage(null, null, 0, 10).total()).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
