package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.out.JobRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How every database lets several instances share the job queue: claims, leases, take-overs, cancel requests and
 * scheduled slots. Subclasses only supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobLeaseContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabase database;
    private JobRepository jobs;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        database.persistence().migrate();
        jobs = database.persistence().jobs();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    /** Each test starts with no job queued or running, so claims see only its own jobs. */
    @BeforeEach
    void an_idle_queue() {
        for (Job queued : jobs.findByState(JobState.QUEUED)) {
            jobs.update(queued.cancel(T0));
        }
        for (Job running : jobs.findByState(JobState.RUNNING)) {
            jobs.update(running.fail(T0, "test over"));
        }
    }

    private Job queued(String target, int second) {
        Job job = Job.queued(JobKind.SOURCE_INGEST, target, T0.plusSeconds(second));
        jobs.insert(job);
        return job;
    }

    private static String unique(String name) {
        return name + "-" + Long.toHexString(System.nanoTime());
    }

    @Nested
    class Claiming {
        @Test
        void the_oldest_queued_job_is_started_on_the_claiming_instance() {
            String target = unique("s");
            Job older = queued(target + "-a", 1);
            queued(target + "-b", 2);

            Optional<Job> claimed = jobs.claimNext("alpha", T0.plusSeconds(5), T0.plusSeconds(65), Set.of());

            assertThat(claimed).hasValueSatisfying(job -> {
                assertThat(job.id()).isEqualTo(older.id());
                assertThat(job.state()).isEqualTo(JobState.RUNNING);
                assertThat(job.instance()).isEqualTo("alpha");
                assertThat(job.attempts()).isEqualTo(1);
            });
            assertThat(jobs.findById(older.id())).isEqualTo(claimed);
        }

        @Test
        void nothing_is_claimed_when_nothing_waits() {
            assertThat(jobs.claimNext("alpha", T0, T0.plusSeconds(60), Set.of()))
                    .isEmpty();
        }

        @Test
        void a_target_running_anywhere_or_busy_here_is_skipped() {
            String target = unique("s");
            queued(target, 1);
            jobs.claimNext("alpha", T0, T0.plusSeconds(60), Set.of()).orElseThrow();
            queued(target, 2);
            Job other = queued(target + "-other", 3);
            Job busyHere = queued(target + "-busy", 0);

            Optional<Job> claimed = jobs.claimNext("beta", T0, T0.plusSeconds(60), Set.of(busyHere.target()));

            assertThat(claimed).map(Job::id).contains(other.id());
            assertThat(jobs.claimNext("beta", T0, T0.plusSeconds(60), Set.of(busyHere.target())))
                    .isEmpty();
        }

        @Test
        void instances_claiming_at_once_never_start_one_job_twice() throws Exception {
            String target = unique("s");
            List<Job> waiting = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                waiting.add(queued(target + "-" + i, i));
            }
            Map<JobId, String> claimedBy = new ConcurrentHashMap<>();
            List<String> doubles = new ArrayList<>();
            ExecutorService instances = Executors.newFixedThreadPool(3);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            try {
                for (String instance : List.of("alpha", "beta", "gamma")) {
                    runs.add(instances.submit(() -> {
                        go.await();
                        for (int tries = 0; tries < 200 && claimedBy.size() < 24; tries++) {
                            jobs.claimNext(instance, T0, T0.plusSeconds(60), Set.of())
                                    .ifPresent(job -> {
                                        if (claimedBy.putIfAbsent(job.id(), instance) != null) {
                                            synchronized (doubles) {
                                                doubles.add(job.id().toString());
                                            }
                                        }
                                    });
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
            } finally {
                instances.shutdownNow();
            }

            assertThat(doubles).isEmpty();
            assertThat(claimedBy.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            waiting.stream().map(Job::id).toList());
        }
    }

    @Nested
    class Leases {
        @Test
        void renewing_keeps_a_job_from_expiring() {
            queued(unique("s"), 1);
            Job job = jobs.claimNext("alpha", T0, T0.plusSeconds(60), Set.of()).orElseThrow();

            JobRepository.LeaseRenewal renewal = jobs.renewLeases("alpha", List.of(job.id()), T0.plusSeconds(120));

            assertThat(renewal).isEqualTo(JobRepository.LeaseRenewal.NOTHING);
            assertThat(jobs.findLeaseExpired(T0.plusSeconds(90)))
                    .extracting(Job::id)
                    .doesNotContain(job.id());
            assertThat(jobs.findLeaseExpired(T0.plusSeconds(121)))
                    .extracting(Job::id)
                    .contains(job.id());
        }

        @Test
        void an_expired_job_is_taken_over_once_and_its_instance_learns_it_lost_it() {
            queued(unique("s"), 1);
            Job job = jobs.claimNext("alpha", T0, T0.plusSeconds(60), Set.of()).orElseThrow();
            Instant later = T0.plusSeconds(61);
            Job failed = job.fail(later, "interrupted: instance alpha stopped while the job ran");

            boolean first = jobs.expire(failed, later);
            boolean second = jobs.expire(failed, later);
            JobRepository.LeaseRenewal renewal = jobs.renewLeases("alpha", List.of(job.id()), later.plusSeconds(60));

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            assertThat(jobs.findById(job.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
            assertThat(renewal.lost()).containsExactly(job.id());
        }

        @Test
        void a_lease_still_running_is_not_expired() {
            queued(unique("s"), 1);
            Job job = jobs.claimNext("alpha", T0, T0.plusSeconds(60), Set.of()).orElseThrow();

            assertThat(jobs.expire(job.fail(T0.plusSeconds(30), "too early"), T0.plusSeconds(30)))
                    .isFalse();
            assertThat(jobs.findById(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        }

        @Test
        void a_finished_target_can_run_again() {
            String target = unique("s");
            queued(target, 1);
            Job first =
                    jobs.claimNext("alpha", T0, T0.plusSeconds(60), Set.of()).orElseThrow();
            assertThat(jobs.updateIf(first.succeed(T0.plusSeconds(2), Map.of()), JobState.RUNNING))
                    .isTrue();
            Job again = queued(target, 3);

            assertThat(jobs.claimNext("beta", T0, T0.plusSeconds(60), Set.of()))
                    .map(Job::id)
                    .contains(again.id());
        }
    }

    @Nested
    class Cancelling {
        @Test
        void a_cancel_request_reaches_the_instance_at_its_next_renewal() {
            queued(unique("s"), 1);
            Job job = jobs.claimNext("alpha", T0, T0.plusSeconds(60), Set.of()).orElseThrow();

            boolean asked = jobs.requestCancel(job.id());
            JobRepository.LeaseRenewal renewal = jobs.renewLeases("alpha", List.of(job.id()), T0.plusSeconds(90));

            assertThat(asked).isTrue();
            assertThat(renewal.cancelRequested()).containsExactly(job.id());
            assertThat(renewal.lost()).isEmpty();
        }

        @Test
        void a_queued_job_changes_only_from_the_state_expected() {
            Job job = queued(unique("s"), 1);

            assertThat(jobs.requestCancel(job.id())).isFalse();
            assertThat(jobs.updateIf(job.cancel(T0), JobState.RUNNING)).isFalse();
            assertThat(jobs.updateIf(job.cancel(T0), JobState.QUEUED)).isTrue();
            assertThat(jobs.findById(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        }

        @Test
        void the_queued_job_of_a_target_is_found() {
            String target = unique("s");
            Job job = queued(target, 1);

            assertThat(jobs.findQueued(target)).contains(job);
            assertThat(jobs.findQueued(target + "-none")).isEmpty();
        }
    }

    @Nested
    class Slots {
        @Test
        void a_slot_is_claimed_once_across_instances_and_forgotten_with_old_history() {
            String target = unique("s");
            Instant slot = T0.plusSeconds(3600);

            boolean alpha = jobs.claimSlot(JobKind.SOURCE_INGEST, target, slot, "alpha");
            boolean beta = jobs.claimSlot(JobKind.SOURCE_INGEST, target, slot, "beta");
            boolean otherKind = jobs.claimSlot(JobKind.EPG_INGEST, target, slot, "beta");
            boolean nextSlot = jobs.claimSlot(JobKind.SOURCE_INGEST, target, slot.plusSeconds(3600), "beta");
            jobs.deleteFinishedBefore(slot.plusSeconds(1));

            assertThat(alpha).isTrue();
            assertThat(beta).isFalse();
            assertThat(otherKind).isTrue();
            assertThat(nextSlot).isTrue();
            assertThat(jobs.claimSlot(JobKind.SOURCE_INGEST, target, slot, "gamma"))
                    .isTrue();
        }
    }
}
