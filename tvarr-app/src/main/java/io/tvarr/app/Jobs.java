package io.tvarr.app;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.health.HealthCheckRun;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.port.out.JobWork;
import io.tvarr.domain.job.service.JobQueue;
import io.tvarr.domain.job.service.JobScheduler;
import io.tvarr.domain.job.service.JobService;
import io.tvarr.domain.job.service.JobWatchers;
import io.tvarr.domain.job.service.RegenerateProxiesOnRefresh;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.source.SourceId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job queue over the core's services, and the scheduler that feeds it once {@link #schedule()} is called. */
final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    final JobQueue queue;
    final JobScheduler scheduler;
    final JobService api;
    final JobWatchers watchers = new JobWatchers();
    private final Assembly parts;
    private final AtomicBoolean recovered = new AtomicBoolean();
    private final Duration tick;
    private final Duration heartbeat;
    private @Nullable ScheduledExecutorService ticker;
    private @Nullable ScheduledExecutorService heartbeats;

    Jobs(Assembly parts, TvarrBuilder settings, CronUtilsSchedules cron, String instance) {
        this.parts = parts;
        this.tick = settings.schedulerTick;
        this.heartbeat = settings.instance.heartbeat();
        Map<JobKind, JobWork> work = new EnumMap<>(JobKind.class);
        work.put(
                JobKind.SOURCE_INGEST,
                target -> counts(parts.ingestion.channels().ingest(SourceId.parse(target))));
        work.put(JobKind.EPG_INGEST, target -> counts(parts.ingestion.guides().ingest(EpgSourceId.parse(target))));
        work.put(JobKind.PROXY_GENERATE, target -> counts(parts.generator.generate(ProxyId.parse(target))));
        work.put(JobKind.LOGO_CLEANUP, target -> Map.of("removed", (long) parts.logoCleanup.cleanup()));
        work.put(JobKind.HEALTH_CHECK, target -> counts(parts.streamChecks.check(SourceId.parse(target))));
        Duration history = settings.jobs.history();
        work.put(
                JobKind.HISTORY_CLEANUP,
                // the audit trail is history too, kept for its own (longer) retention
                target -> Map.of(
                        "removed",
                        parts.store
                                .jobs()
                                .deleteFinishedBefore(parts.clock.instant().minus(history)),
                        "audit_entries_removed",
                        (long) parts.admin.audit.cleanUp()));
        this.queue = new JobQueue(
                parts.store.jobs(),
                work,
                settings.jobs.queue(),
                new FailsafeRetries(),
                parts.background,
                watchers,
                parts.clock,
                // SQLite has one writer and so one instance: what ran at the last stop was its own
                new JobQueue.Instance(
                        instance,
                        settings.instance.lease(),
                        !parts.store.vendor().equals("sqlite")));
        JobScheduler.Targets targets = new JobScheduler.Targets(
                parts.store.streamSources(),
                parts.store.epgSources(),
                parts.store.proxies(),
                parts.store.jobs(),
                parts.store.streamHealth());
        this.scheduler = new JobScheduler(targets, cron, JobScheduler.Defaults.STANDARD, queue, parts.clock);
        this.api = new JobService(queue, scheduler, targets, parts.ingestions);
    }

    /** Picks up jobs a previous run left queued or cut off, once the schema is there. */
    boolean recover() {
        if (recovered.get()) {
            return true;
        }
        if (!parts.store.readiness().ready()) {
            return false;
        }
        queue.recover();
        recovered.set(true);
        startHeartbeats();
        return true;
    }

    /**
     * With other instances on the store: renews this instance's leases, and picks up what the others queued and what
     * stopped instances left. Alone on SQLite nothing needs it, and a lease write would only wait on an ingestion.
     */
    private synchronized void startHeartbeats() {
        if (!queue.instance().shared() || heartbeats != null) {
            return;
        }
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tvarr-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleWithFixedDelay(
                this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The instance's one heartbeat: its jobs' leases, then its provider connections' leases. */
    private void heartbeat() {
        try {
            queue.heartbeat();
            api.shareProgress();
        } catch (RuntimeException e) {
            // the store may be unreachable for a while; the lease says how long before others take over
            log.warn(
                    "job heartbeat failed instance={} reason={}",
                    queue.instance().id(),
                    e.getMessage());
        }
        if (parts.sharedLimits != null) {
            try {
                parts.sharedLimits.heartbeat();
            } catch (RuntimeException e) {
                // as for jobs: the connections stay this instance's for the rest of their lease
                log.warn(
                        "connection lease heartbeat failed instance={} reason={}",
                        queue.instance().id(),
                        e.getMessage());
            }
        }
    }

    /** Starts acting on schedules, and regenerating the proxies that use an input whenever it is refreshed. */
    synchronized void schedule() {
        if (ticker != null) {
            return;
        }
        parts.ingestions.whenSucceeded(new RegenerateProxiesOnRefresh(parts.store.proxies(), queue));
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tvarr-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // jobs need the schema: with migrations pending, the queue waits until `tvarr migrate` has run
        ticker.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            if (recover()) {
                scheduler.tick();
            }
        } catch (RuntimeException e) {
            log.error("scheduler tick failed", e);
        }
    }

    private static Map<String, Long> counts(IngestionStatus status) {
        return Map.of("records", status.lastCount(), "skipped", status.lastSkipped());
    }

    private static Map<String, Long> counts(HealthCheckRun run) {
        return Map.of(
                "checked", (long) run.checked(),
                "working", (long) run.working(),
                "broken", (long) run.broken(),
                "skipped", (long) run.skipped());
    }

    private static Map<String, Long> counts(GenerationReport report) {
        return Map.of(
                "channels", report.channels(),
                "programmes", report.programmes(),
                "unmatched_epg_channels", report.unmatchedCount(),
                "logo_failures", report.logoFailures());
    }

    /** Stops scheduling and dispatching; running jobs are interrupted and recovered at the next start. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        queue.close();
    }
}
