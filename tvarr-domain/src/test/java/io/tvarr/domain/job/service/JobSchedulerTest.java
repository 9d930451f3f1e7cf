package io.tvarr.domain.job.service;

import static io.tvarr.domain.TestData.anM3uSource;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.ScheduledTarget;
import io.tvarr.domain.job.port.out.JobWork;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time is driven through the clock; nothing here waits for a schedule. */
class JobSchedulerTest {
    InMemoryStreamSources sources = new InMemoryStreamSources();
    InMemoryEpgSources guides = new InMemoryEpgSources();
    InMemoryJobRepository jobs = new InMemoryJobRepository();
    ExecutorService executor = Executors.newCachedThreadPool();
    MovableClock clock = new MovableClock(Instant.parse("2026-06-10T07:00:00Z"));
    JobQueue queue;

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void open() {
        Map<JobKind, JobWork> work = new EnumMap<>(JobKind.class);
        for (JobKind kind : JobKind.values()) {
            work.put(kind, target -> Map.of());
        }
        queue = new JobQueue(
                jobs,
                work,
                new JobQueue.Settings(2, 0, Duration.ofMillis(1)),
                new ImmediateRetries(),
                executor,
                job -> {},
                clock);
    }

    @AfterEach
    void close() throws InterruptedException {
        queue.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    final Map<SourceId, HealthCheckSettings> healthChecks = new java.util.HashMap<>();

    private JobScheduler scheduler() {
        return new JobScheduler(
                new JobScheduler.Targets(sources, guides, new InMemoryStreamProxies(), jobs, () -> healthChecks),
                new DailyCron(),
                JobScheduler.Defaults.STANDARD,
                queue,
                clock);
    }

    private StreamSource source(Instant created, boolean enabled, String schedule) {
        StreamSource template = anM3uSource("provider");
        StreamSource source = new StreamSource(
                template.id(),
                template.name(),
                template.kind(),
                template.url(),
                null,
                null,
                enabled,
                schedule,
                0,
                template.xtreamOutput(),
                false,
                false,
                created,
                created);
        sources.insert(source);
        return source;
    }

    private long jobs(JobKind kind, String target) {
        return jobs.findPage(null, kind, 0, 100).items().stream()
                .filter(j -> j.target().equals(target))
                .count();
    }

    @Test
    void a_new_source_waits_for_its_first_slot_and_then_runs_once_per_slot() {
        StreamSource source = source(clock.now, true, null);
        JobScheduler scheduler = scheduler();

        scheduler.tick();
        long beforeSlot = jobs(JobKind.SOURCE_INGEST, source.id().toString());
        clock.now = Instant.parse("2026-06-10T12:00:00Z");
        scheduler.tick();
        scheduler.tick();
        long atSlot = jobs(JobKind.SOURCE_INGEST, source.id().toString());
        clock.now = Instant.parse("2026-06-10T18:00:30Z");
        scheduler.tick();

        assertThat(beforeSlot).isZero();
        assertThat(atSlot).isEqualTo(1);
        assertThat(jobs(JobKind.SOURCE_INGEST, source.id().toString())).isEqualTo(2);
    }

    @Test
    void slots_missed_while_tvarr_was_down_run_once_at_start() {
        StreamSource source = source(Instant.parse("2026-06-01T00:00:00Z"), true, "@hourly");
        jobs.insert(Job.queued(JobKind.SOURCE_INGEST, source.id().toString(), Instant.parse("2026-06-09T20:00:00Z"))
                .cancel(Instant.parse("2026-06-09T20:00:01Z")));

        JobScheduler scheduler = scheduler();
        scheduler.tick();
        scheduler.tick();

        // eleven hourly slots passed since the last job: one run, not eleven
        assertThat(jobs(JobKind.SOURCE_INGEST, source.id().toString())).isEqualTo(2);
    }

    @Test
    void disabled_sources_are_not_scheduled_and_guides_use_their_own_schedule() {
        StreamSource disabled = source(Instant.parse("2026-06-01T00:00:00Z"), false, "@hourly");
        EpgSource template = anXmltvSource("guide");
        EpgSource guide = new EpgSource(
                template.id(),
                template.name(),
                template.kind(),
                template.url(),
                null,
                null,
                true,
                "30 7 * * *",
                0,
                ZoneOffset.UTC,
                template.retention(),
                clock.now,
                clock.now);
        guides.insert(guide);
        JobScheduler scheduler = scheduler();

        scheduler.tick();
        clock.now = Instant.parse("2026-06-10T07:30:00Z");
        scheduler.tick();

        assertThat(jobs(JobKind.SOURCE_INGEST, disabled.id().toString())).isZero();
        assertThat(jobs(JobKind.EPG_INGEST, guide.id().toString())).isEqualTo(1);
    }

    @Test
    void the_schedule_lists_every_target_with_its_expression_and_next_run() {
        StreamSource source = source(clock.now, true, null);
        JobScheduler scheduler = scheduler();
        scheduler.tick();

        List<ScheduledTarget> schedule = scheduler.schedule();

        assertThat(schedule)
                .filteredOn(t -> t.target().equals(source.id().toString()))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.expression()).isEqualTo("0 */6 * * *");
                    assertThat(t.nextRun()).isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
                });
        assertThat(schedule).extracting(ScheduledTarget::kind).contains(JobKind.LOGO_CLEANUP, JobKind.HISTORY_CLEANUP);
    }

    @Test
    void a_source_with_stream_checks_on_gets_a_health_check_on_the_checks_schedule_and_one_with_them_off_none() {
        Instant created = Instant.parse("2026-06-10T06:00:00Z");
        StreamSource checked = source(created, true, null);
        StreamSource unchecked = source(created, true, null);
        healthChecks.put(checked.id(), new HealthCheckSettings(true, "30 7 * * *", 10));
        JobScheduler scheduler = scheduler();

        scheduler.tick();
        long beforeSlot = jobs(JobKind.HEALTH_CHECK, checked.id().toString());
        clock.now = Instant.parse("2026-06-10T07:30:00Z");
        scheduler.tick();

        assertThat(beforeSlot).isZero();
        assertThat(jobs(JobKind.HEALTH_CHECK, checked.id().toString())).isEqualTo(1);
        assertThat(jobs(JobKind.HEALTH_CHECK, unchecked.id().toString())).isZero();
        assertThat(scheduler.schedule()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo(JobKind.HEALTH_CHECK);
            assertThat(t.target()).isEqualTo(checked.id().toString());
            assertThat(t.expression()).isEqualTo("30 7 * * *");
        });
    }
}
