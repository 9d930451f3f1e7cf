package io.tvarr.domain.job.service;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.port.out.HealthCheckSchedules;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.ScheduledTarget;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.job.port.out.JobRepository;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns schedules into jobs. Each {@link #tick()} reads the current targets (enabled channel sources, enabled
 * guides, proxies with a schedule, enabled sources' stream checks, and the daily housekeeping jobs) and queues every one whose next run has come.
 * A target seen for the first time runs at once if a slot passed since its last job (or, without any job, since it
 * was created): what was missed while tvarr was down runs once, not once per missed slot. Every instance on a
 * shared store ticks; a slot is claimed in the store before its job is queued, so it runs once across instances. Time
 * comes from the clock; the caller decides how often to tick.
 */
public final class JobScheduler {
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    /** Default schedules for targets that set none. */
    public record Defaults(String sources, String guides, String logoCleanup, String historyCleanup) {
        public static final Defaults STANDARD = new Defaults("0 */6 * * *", "0 */12 * * *", "30 3 * * *", "45 3 * * *");
    }

    /** The target of the logo cleanup job, of which there is only one. */
    public static final String LOGOS_TARGET = "logos";

    /** The target of the job history cleanup job, of which there is only one. */
    public static final String HISTORY_TARGET = "history";

    /**
     * The repositories the scheduler reads targets from.
     *
     * @param healthChecks the sources whose stream checks are on, each run on its own schedule
     */
    public record Targets(
            StreamSourceRepository sources,
            EpgSourceRepository guides,
            StreamProxyRepository proxies,
            JobRepository jobs,
            HealthCheckSchedules healthChecks) {
        /** Targets without stream checks. */
        public Targets(
                StreamSourceRepository sources,
                EpgSourceRepository guides,
                StreamProxyRepository proxies,
                JobRepository jobs) {
            this(sources, guides, proxies, jobs, Map::of);
        }
    }

    private record Entry(JobKind kind, String target, String name, String expression, Instant since) {}

    private final Targets targets;
    private final CronSchedules cron;
    private final Defaults defaults;
    private final JobQueue queue;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Instant> nextRuns = new HashMap<>();
    private final Map<String, String> expressions = new HashMap<>();

    public JobScheduler(Targets targets, CronSchedules cron, Defaults defaults, JobQueue queue, Clock clock) {
        this.targets = targets;
        this.cron = cron;
        this.defaults = defaults;
        this.queue = queue;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Queues what is due now. */
    public synchronized void tick() {
        Instant now = clock.instant();
        Map<String, Instant> seen = new HashMap<>();
        for (Entry entry : entries()) {
            String key = entry.kind() + ":" + entry.target();
            Instant next = nextRuns.get(key);
            if (next == null || !entry.expression().equals(expressions.get(key))) {
                next = firstRun(entry, now);
            }
            if (next != null && !next.isAfter(now)) {
                // every instance ticks; the one that claims the slot first queues its job
                if (targets.jobs()
                        .claimSlot(
                                entry.kind(),
                                entry.target(),
                                next,
                                queue.instance().id())) {
                    queue.submit(entry.kind(), entry.target());
                } else {
                    log.debug(
                            "slot taken by another instance kind={} target={} slot={}",
                            entry.kind(),
                            entry.target(),
                            next);
                }
                next = cron.next(entry.expression(), now).orElse(null);
            }
            if (next != null) {
                seen.put(key, next);
            }
            expressions.put(key, entry.expression());
        }
        nextRuns.clear();
        nextRuns.putAll(seen);
        expressions.keySet().retainAll(seen.keySet());
    }

    /** What runs next, for the API. */
    public synchronized List<ScheduledTarget> schedule() {
        Instant now = clock.instant();
        List<ScheduledTarget> list = new ArrayList<>();
        for (Entry entry : entries()) {
            Instant next = nextRuns.get(entry.kind() + ":" + entry.target());
            if (next == null) {
                next = cron.next(entry.expression(), now).orElse(null);
            }
            list.add(new ScheduledTarget(entry.kind(), entry.target(), entry.name(), entry.expression(), next));
        }
        return list;
    }

    /** The last slot, if it passed since the last job of the target (or its creation); else the next slot. */
    private @Nullable Instant firstRun(Entry entry, Instant now) {
        Optional<Instant> previousSlot;
        try {
            previousSlot = cron.previous(entry.expression(), now);
        } catch (RuntimeException e) {
            log.warn("schedule ignored kind={} target={} reason={}", entry.kind(), entry.target(), e.getMessage());
            return null;
        }
        Instant lastRun = targets.jobs()
                .findLatest(entry.kind(), entry.target())
                .map(Job::createdAt)
                .orElse(entry.since());
        if (previousSlot.isPresent() && previousSlot.get().isAfter(lastRun)) {
            log.info(
                    "missed schedule runs now kind={} target={} slot={}",
                    entry.kind(),
                    entry.target(),
                    previousSlot.get());
            return previousSlot.get();
        }
        return cron.next(entry.expression(), now).orElse(null);
    }

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (StreamSource source : targets.sources().findAll()) {
            if (source.enabled()) {
                entries.add(new Entry(
                        JobKind.SOURCE_INGEST,
                        source.id().toString(),
                        source.name(),
                        or(source.schedule(), defaults.sources()),
                        source.createdAt()));
            }
        }
        Map<SourceId, HealthCheckSettings> checks = targets.healthChecks().enabledChecks();
        for (StreamSource source : targets.sources().findAll()) {
            HealthCheckSettings check = checks.get(source.id());
            if (source.enabled() && check != null && check.enabled()) {
                entries.add(new Entry(
                        JobKind.HEALTH_CHECK,
                        source.id().toString(),
                        source.name() + " stream checks",
                        check.schedule(),
                        source.createdAt()));
            }
        }
        for (EpgSource guide : targets.guides().findAll()) {
            if (guide.enabled()) {
                entries.add(new Entry(
                        JobKind.EPG_INGEST,
                        guide.id().toString(),
                        guide.name(),
                        or(guide.schedule(), defaults.guides()),
                        guide.createdAt()));
            }
        }
        for (StreamProxy proxy : targets.proxies().findAll()) {
            if (proxy.schedule() != null) {
                entries.add(new Entry(
                        JobKind.PROXY_GENERATE,
                        proxy.id().toString(),
                        proxy.name(),
                        proxy.schedule(),
                        proxy.createdAt()));
            }
        }
        entries.add(new Entry(JobKind.LOGO_CLEANUP, LOGOS_TARGET, "logo cleanup", defaults.logoCleanup(), startedAt));
        entries.add(new Entry(
                JobKind.HISTORY_CLEANUP, HISTORY_TARGET, "job history cleanup", defaults.historyCleanup(), startedAt));
        return entries;
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
