package io.tvarr.domain.job.service;

import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.out.JobWork;
import io.tvarr.domain.source.StreamSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Several instances' queues over one store, as on a shared PostgreSQL or MariaDB. Leases end by the test's hand
 * ({@link InMemoryJobRepository#endLease}), never by waiting.
 */
class SharedJobQueueTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T08:00:00Z"), ZoneOffset.UTC);

    InMemoryJobRepository store = new InMemoryJobRepository();
    ExecutorService executor = Executors.newCachedThreadPool();
    Map<JobKind, JobWork> work = new EnumMap<>(JobKind.class);
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    List<JobQueue> queues = new ArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        queues.forEach(JobQueue::close);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private JobQueue instance(String id) {
        JobQueue queue = new JobQueue(
                store,
                work,
                new JobQueue.Settings(2, 0, Duration.ofMillis(1)),
                new ImmediateRetries(),
                executor,
                job -> {},
                CLOCK,
                new JobQueue.Instance(id, Duration.ofSeconds(60), true));
        queues.add(queue);
        return queue;
    }

    private void counting(JobKind kind) {
        work.put(kind, target -> {
            runs.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
            return Map.of();
        });
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

    private Job awaitRunning(Job job) throws InterruptedException {
        for (int i = 0; i < 5000; i++) {
            Job stored = store.findById(job.id()).orElseThrow();
            if (stored.state() == JobState.RUNNING) {
                return stored;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("job " + job.id() + " did not start");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Nested
    class Claiming {
        @Test
        void a_job_another_instance_queued_is_started_by_the_next_heartbeat_and_names_its_instance() throws Exception {
            counting(JobKind.SOURCE_INGEST);
            Job queuedElsewhere = Job.queued(JobKind.SOURCE_INGEST, "s1", CLOCK.instant());
            store.insert(queuedElsewhere);

            instance("b").heartbeat();

            Job done = awaitFinal(queuedElsewhere);
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.instance()).isEqualTo("b");
        }

        @Test
        void instances_polling_at_once_start_every_job_exactly_once() throws Exception {
            counting(JobKind.PROXY_GENERATE);
            List<Job> queued = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Job job = Job.queued(JobKind.PROXY_GENERATE, "p" + i, CLOCK.instant());
                store.insert(job);
                queued.add(job);
            }
            List<JobQueue> three = List.of(instance("a"), instance("b"), instance("c"));

            for (int round = 0; round < 200 && runs.size() < 40; round++) {
                List<Thread> beats =
                        three.stream().map(q -> new Thread(q::heartbeat)).toList();
                beats.forEach(Thread::start);
                for (Thread beat : beats) {
                    beat.join();
                }
                Thread.sleep(1);
            }

            for (Job job : queued) {
                assertThat(awaitFinal(job).state()).isEqualTo(JobState.SUCCEEDED);
            }
            assertThat(runs)
                    .hasSize(40)
                    .allSatisfy((target, count) -> assertThat(count).hasValue(1));
        }

        @Test
        void a_target_running_on_one_instance_is_not_started_on_another() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            work.put(JobKind.SOURCE_INGEST, target -> {
                runs.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
                await(release);
                return Map.of();
            });
            JobQueue a = instance("a");
            Job first = awaitRunning(a.submit(JobKind.SOURCE_INGEST, "s1"));
            Job second = Job.queued(JobKind.SOURCE_INGEST, "s1", CLOCK.instant());
            store.insert(second);

            instance("b").heartbeat();

            assertThat(store.findById(second.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
            release.countDown();
            awaitFinal(first);
            a.heartbeat();
            assertThat(awaitFinal(second).state()).isEqualTo(JobState.SUCCEEDED);
        }
    }

    @Nested
    class Leases {
        @Test
        void a_job_whose_instance_stopped_renewing_is_failed_and_run_again_by_another() throws Exception {
            CountDownLatch stuck = new CountDownLatch(1);
            work.put(JobKind.SOURCE_INGEST, target -> {
                if (runs.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet() == 1) {
                    await(stuck);
                }
                return Map.of();
            });
            Job cutOff = awaitRunning(instance("a").submit(JobKind.SOURCE_INGEST, "s1"));

            store.endLease(cutOff.id());
            instance("b").heartbeat();

            Job failed = store.findById(cutOff.id()).orElseThrow();
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.error()).isEqualTo("interrupted: instance a stopped while the job ran");
            Job rerun = store.findQueued("s1")
                    .or(() -> store.findByState(JobState.RUNNING).stream().findFirst())
                    .or(() -> store.findByState(JobState.SUCCEEDED).stream().findFirst())
                    .orElseThrow();
            Job done = awaitFinal(rerun);
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.instance()).isEqualTo("b");
        }

        @Test
        void a_stalled_instance_that_finds_its_job_taken_over_stops_it_and_stores_nothing() throws Exception {
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
            JobQueue a = instance("a");
            Job cutOff = a.submit(JobKind.EPG_INGEST, "g1");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            store.endLease(cutOff.id());
            work.put(JobKind.EPG_INGEST, target -> Map.of());
            instance("b").heartbeat();

            a.heartbeat();

            for (int i = 0; i < 5000 && a.live(cutOff.id()) != null; i++) {
                Thread.sleep(2);
            }
            assertThat(a.live(cutOff.id())).isNull();
            assertThat(store.findById(cutOff.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
        }

        @Test
        void at_start_a_shared_instance_leaves_jobs_under_another_instances_live_lease_alone() {
            counting(JobKind.SOURCE_INGEST);
            JobQueue a = instance("a");
            Job elsewhere = Job.queued(JobKind.SOURCE_INGEST, "s1", CLOCK.instant());
            store.insert(elsewhere);
            store.claimNext("other", CLOCK.instant(), CLOCK.instant().plusSeconds(60), java.util.Set.of());

            a.recover();

            assertThat(store.findById(elsewhere.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
            assertThat(store.findById(elsewhere.id()).orElseThrow().instance()).isEqualTo("other");
        }
    }

    @Nested
    class Cancelling {
        @Test
        void a_job_running_on_another_instance_is_cancelled_when_its_instance_renews_the_lease() throws Exception {
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
            JobQueue a = instance("a");
            Job running = a.submit(JobKind.EPG_INGEST, "g1");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            Job asked = instance("b").cancel(running.id());
            a.heartbeat();

            assertThat(asked.state()).isEqualTo(JobState.RUNNING);
            assertThat(awaitFinal(running).state()).isEqualTo(JobState.CANCELLED);
        }

        @Test
        void a_job_queued_by_another_instance_is_cancelled_at_once() {
            Job queuedElsewhere = Job.queued(JobKind.SOURCE_INGEST, "s1", CLOCK.instant());
            store.insert(queuedElsewhere);

            Job cancelled = instance("b").cancel(queuedElsewhere.id());

            assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
            assertThat(store.findById(queuedElsewhere.id()).orElseThrow().state())
                    .isEqualTo(JobState.CANCELLED);
        }
    }

    @Nested
    class Scheduling {
        @Test
        void a_slot_due_on_three_instances_runs_once() {
            counting(JobKind.SOURCE_INGEST);
            InMemoryStreamSources sources = new InMemoryStreamSources();
            StreamSource source = anM3uSource("provider");
            sources.insert(source);
            JobScheduler.Targets targets =
                    new JobScheduler.Targets(sources, new InMemoryEpgSources(), new InMemoryStreamProxies(), store);
            // the source was created long before: its last slot was missed, and every instance sees it due
            List<JobScheduler> schedulers = List.of("a", "b", "c").stream()
                    .map(id -> new JobScheduler(
                            targets, new DailyCron(), JobScheduler.Defaults.STANDARD, instance(id), CLOCK))
                    .toList();

            schedulers.forEach(JobScheduler::tick);

            assertThat(store.findPage(null, JobKind.SOURCE_INGEST, 0, 10).total())
                    .isEqualTo(1);
        }
    }
}
