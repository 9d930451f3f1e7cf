package io.tvarr.app;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.ScheduledTarget;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.RelayUpstreams;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.http.RequestObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /metrics} shows: JVM and HTTP basics, and tvarr's own state read through the core's use cases at each
 * scrape (so nothing is counted twice and a deleted source disappears). Labels are ids and states, never channel
 * names, so the series stay few.
 */
final class TvarrMetrics implements RequestObserver {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Tvarr core;
    private final Clock clock;
    private final MultiGauge sourceSucceeded =
            gauge("tvarr.source.last.ingestion.succeeded", "1 when the last ingestion of the source succeeded");
    private final MultiGauge sourceDuration =
            gauge("tvarr.source.last.ingestion.duration.seconds", "how long the last successful ingestion took");
    private final MultiGauge sourceChannels =
            gauge("tvarr.source.channels", "channels stored by the last successful ingestion");
    private final MultiGauge sourceSinceSuccess =
            gauge("tvarr.source.seconds.since.success", "seconds since the last successful ingestion");
    private final MultiGauge sourceConnections = gauge("tvarr.source.connections", "upstream connections in use");
    private final MultiGauge sourceConnectionLimit =
            gauge("tvarr.source.connection.limit", "the source's connection limit; 0 for none");
    private final MultiGauge guideSucceeded =
            gauge("tvarr.guide.last.ingestion.succeeded", "1 when the last ingestion of the guide succeeded");
    private final MultiGauge guideProgrammes =
            gauge("tvarr.guide.programmes", "programmes stored by the last successful ingestion");
    private final MultiGauge guideSinceSuccess =
            gauge("tvarr.guide.seconds.since.success", "seconds since the last successful ingestion");
    private final MultiGauge proxyChannels = gauge("tvarr.proxy.channels", "channels in the last generation");
    private final MultiGauge proxyProgrammes = gauge("tvarr.proxy.programmes", "programmes in the last generation");
    private final MultiGauge proxyUnmatched =
            gauge("tvarr.proxy.channels.without.guide", "channels no guide channel matched");
    private final MultiGauge proxyStageDuration =
            gauge("tvarr.proxy.generation.stage.duration.seconds", "time of each stage of the last generation");
    private final MultiGauge proxyFailed =
            gauge("tvarr.proxy.last.generation.failed", "1 when the last generation failed");
    private final MultiGauge relaySessions = gauge("tvarr.relay.sessions", "upstream sessions by state");
    private final MultiGauge relayClients = gauge("tvarr.relay.clients", "clients watching");
    private final MultiGauge relayBytesOut =
            gauge("tvarr.relay.client.bytes", "bytes sent to the clients of running sessions");
    private final MultiGauge relayBreaker = gauge(
            "tvarr.relay.upstream.breaker.open",
            "1 when the circuit breaker of the upstream host is open, 0.5 half open");
    private final MultiGauge sourcePeriod =
            gauge("tvarr.source.schedule.period.seconds", "time between two scheduled refreshes");
    private final MultiGauge guidePeriod =
            gauge("tvarr.guide.schedule.period.seconds", "time between two scheduled refreshes");
    private final MultiGauge jobs = gauge("tvarr.jobs", "jobs by state (finished ones within the history)");

    private final CronSchedules cron;

    TvarrMetrics(Tvarr core, Clock clock, CronSchedules cron) {
        this.core = core;
        this.clock = clock;
        this.cron = cron;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private MultiGauge gauge(String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /** The metrics in the Prometheus text format, tvarr's own read now. */
    String scrape() {
        Instant now = clock.instant();
        sources(now);
        guides(now);
        proxies();
        relay();
        jobs();
        schedules(now);
        return registry.scrape();
    }

    @Override
    public void served(String method, String route, int status, float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests served")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry)
                .record(Math.round(millis * 1000), TimeUnit.MICROSECONDS);
    }

    private void sources(Instant now) {
        List<MultiGauge.Row<?>> succeeded = new ArrayList<>();
        List<MultiGauge.Row<?>> duration = new ArrayList<>();
        List<MultiGauge.Row<?>> channels = new ArrayList<>();
        List<MultiGauge.Row<?>> since = new ArrayList<>();
        List<MultiGauge.Row<?>> limits = new ArrayList<>();
        for (StreamSource source : core.sources().list()) {
            Tags tags = Tags.of("source", source.id().toString());
            IngestionStatus status = core.sourceIngestion().status(source.id());
            succeeded.add(MultiGauge.Row.of(tags, outcome(status)));
            duration.add(MultiGauge.Row.of(tags, status.lastDurationMs() / 1000.0));
            channels.add(MultiGauge.Row.of(tags, status.lastCount()));
            since.add(MultiGauge.Row.of(tags, secondsSince(status.lastSuccessAt(), now)));
            limits.add(MultiGauge.Row.of(tags, source.maxConcurrentStreams()));
        }
        sourceSucceeded.register(succeeded, true);
        sourceDuration.register(duration, true);
        sourceChannels.register(channels, true);
        sourceSinceSuccess.register(since, true);
        sourceConnectionLimit.register(limits, true);
    }

    private void guides(Instant now) {
        List<MultiGauge.Row<?>> succeeded = new ArrayList<>();
        List<MultiGauge.Row<?>> programmes = new ArrayList<>();
        List<MultiGauge.Row<?>> since = new ArrayList<>();
        for (EpgSource guide : core.guides().list()) {
            Tags tags = Tags.of("guide", guide.id().toString());
            IngestionStatus status = core.guideIngestion().status(guide.id());
            succeeded.add(MultiGauge.Row.of(tags, outcome(status)));
            programmes.add(MultiGauge.Row.of(tags, status.lastCount()));
            since.add(MultiGauge.Row.of(tags, secondsSince(status.lastSuccessAt(), now)));
        }
        guideSucceeded.register(succeeded, true);
        guideProgrammes.register(programmes, true);
        guideSinceSuccess.register(since, true);
    }

    private void proxies() {
        List<MultiGauge.Row<?>> channels = new ArrayList<>();
        List<MultiGauge.Row<?>> programmes = new ArrayList<>();
        List<MultiGauge.Row<?>> unmatched = new ArrayList<>();
        List<MultiGauge.Row<?>> stages = new ArrayList<>();
        List<MultiGauge.Row<?>> failed = new ArrayList<>();
        for (StreamProxy proxy : core.proxies().list()) {
            Tags tags = Tags.of("proxy", proxy.id().toString());
            var status = core.generation().status(proxy.id());
            failed.add(MultiGauge.Row.of(tags, status.lastError() == null ? 0 : 1));
            GenerationReport report = status.lastReport();
            if (report == null) {
                continue;
            }
            channels.add(MultiGauge.Row.of(tags, report.channels()));
            programmes.add(MultiGauge.Row.of(tags, report.programmes()));
            unmatched.add(MultiGauge.Row.of(tags, report.unmatchedCount()));
            for (GenerationReport.StageReport stage : report.stages()) {
                stages.add(MultiGauge.Row.of(tags.and("stage", stage.stage()), stage.durationMs() / 1000.0));
            }
        }
        proxyChannels.register(channels, true);
        proxyProgrammes.register(programmes, true);
        proxyUnmatched.register(unmatched, true);
        proxyStageDuration.register(stages, true);
        proxyFailed.register(failed, true);
    }

    private void relay() {
        List<RelaySessionInfo> running = core.relay().sessions();
        List<MultiGauge.Row<?>> byState = new ArrayList<>();
        running.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        RelaySessionInfo::state, java.util.stream.Collectors.counting()))
                .forEach((state, count) -> byState.add(MultiGauge.Row.of(Tags.of("state", state), count)));
        relaySessions.register(byState, true);
        relayClients.register(
                List.of(MultiGauge.Row.of(
                        Tags.empty(),
                        running.stream().mapToLong(s -> s.clients().size()).sum())),
                true);
        relayBytesOut.register(
                List.of(MultiGauge.Row.of(
                        Tags.empty(),
                        running.stream()
                                .flatMap(s -> s.clients().stream())
                                .mapToLong(RelaySessionInfo.Client::bytesSent)
                                .sum())),
                true);
        RelayUpstreams upstreams = core.relay().upstreams();
        List<MultiGauge.Row<?>> breakers = new ArrayList<>();
        for (UpstreamHealth host : upstreams.hosts()) {
            breakers.add(MultiGauge.Row.of(Tags.of("host", host.host()), breakerValue(host.breaker())));
        }
        relayBreaker.register(breakers, true);
        List<MultiGauge.Row<?>> connections = new ArrayList<>();
        upstreams
                .sourceConnections()
                .forEach((source, count) -> connections.add(MultiGauge.Row.of(Tags.of("source", source), count)));
        sourceConnections.register(connections, true);
    }

    private void jobs() {
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        for (JobState state : JobState.values()) {
            counts.add(MultiGauge.Row.of(
                    Tags.of("state", state.name().toLowerCase(Locale.ROOT)),
                    core.jobs().list(state, null, 0, 1).total()));
        }
        jobs.register(counts, true);
    }

    /** The period between the next two runs, so an alert can say "two periods without a success". */
    private void schedules(Instant now) {
        List<MultiGauge.Row<?>> sources = new ArrayList<>();
        List<MultiGauge.Row<?>> guides = new ArrayList<>();
        for (ScheduledTarget target : core.jobs().schedule()) {
            if (target.kind() != JobKind.SOURCE_INGEST && target.kind() != JobKind.EPG_INGEST) {
                continue;
            }
            Optional<Instant> first = cron.next(target.expression(), now);
            Optional<Instant> second = first.flatMap(at -> cron.next(target.expression(), at));
            if (second.isEmpty()) {
                continue;
            }
            double seconds = Duration.between(first.get(), second.get()).toSeconds();
            if (target.kind() == JobKind.SOURCE_INGEST) {
                sources.add(MultiGauge.Row.of(Tags.of("source", target.target()), seconds));
            } else {
                guides.add(MultiGauge.Row.of(Tags.of("guide", target.target()), seconds));
            }
        }
        sourcePeriod.register(sources, true);
        guidePeriod.register(guides, true);
    }

    private static double outcome(IngestionStatus status) {
        return status.state() == IngestionState.SUCCEEDED
                        || (status.state() == IngestionState.INGESTING && status.lastError() == null)
                ? 1
                : 0;
    }

    private static double breakerValue(String state) {
        return switch (state) {
            case "open" -> 1;
            case "half_open" -> 0.5;
            default -> 0;
        };
    }

    /** NaN when it never succeeded: Prometheus shows no value rather than a misleading number. */
    private static double secondsSince(@Nullable Instant at, Instant now) {
        return at == null ? Double.NaN : Duration.between(at, now).toMillis() / 1000.0;
    }
}
