package io.tvarr.app;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.channel.service.ChannelBrowser;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.service.EpgSourceService;
import io.tvarr.domain.epg.service.GuideBrowser;
import io.tvarr.domain.filter.service.FilterService;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.logo.service.LogoCacheService;
import io.tvarr.domain.mapping.service.MappingRuleService;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.service.ProxyService;
import io.tvarr.domain.relay.service.FFmpegInspectionService;
import io.tvarr.domain.relay.service.PlayChannelService;
import io.tvarr.domain.relay.service.RelayInspectionService;
import io.tvarr.domain.relay.service.RelayProfileService;
import io.tvarr.domain.source.IngestionStatus;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.service.ExclusiveIngestions;
import io.tvarr.domain.source.service.StreamSourceService;
import io.tvarr.domain.system.Health;
import io.tvarr.domain.system.HealthCheck;
import io.tvarr.expression.ExpressionPreviewer;
import io.tvarr.expression.LanguageCatalogue;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.TvarrHttpServer;
import io.tvarr.http.epg.EpgRoutes;
import io.tvarr.http.filter.FilterRoutes;
import io.tvarr.http.job.JobEventStream;
import io.tvarr.http.job.JobRoutes;
import io.tvarr.http.logo.LogoRoutes;
import io.tvarr.http.proxy.OutputRoutes;
import io.tvarr.http.proxy.ProxyRoutes;
import io.tvarr.http.relay.RelayProfileRoutes;
import io.tvarr.http.relay.RelayRoutes;
import io.tvarr.http.source.SourceRoutes;
import io.tvarr.http.system.ApiDocumentation;
import io.tvarr.http.system.SystemRoutes;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.logo.HttpLogoFetcher;
import io.tvarr.persistence.JdbiPersistence;
import io.tvarr.persistence.Readiness;
import io.tvarr.pipeline.PipelineInputs;
import io.tvarr.pipeline.PipelineSettings;
import io.tvarr.pipeline.ProxyGenerator;
import io.tvarr.pipeline.logo.FileLogoStore;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import io.tvarr.relay.ffmpeg.CodecProbe;
import io.tvarr.relay.ffmpeg.ProcessFFmpeg;
import io.tvarr.relay.ffmpeg.SystemHardwareDetector;
import io.tvarr.relay.session.RelayHub;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running tvarr: the store, the services, the job queue and scheduler, and the HTTP server, wired from one
 * configuration. The only place that knows every module.
 */
public final class TvarrApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TvarrApplication.class);
    private static final Duration TICK = Duration.ofSeconds(30);

    private final JdbiPersistence persistence;
    private final TvarrHttpServer server;
    private final ExecutorService background;
    private final ScheduledExecutorService ticker;
    private final JobQueue queue;
    private final RelayHub relay;

    private TvarrApplication(
            JdbiPersistence persistence,
            TvarrHttpServer server,
            ExecutorService background,
            ScheduledExecutorService ticker,
            JobQueue queue,
            RelayHub relay) {
        this.relay = relay;
        this.persistence = persistence;
        this.server = server;
        this.background = background;
        this.ticker = ticker;
        this.queue = queue;
    }

    /** Opens the store, migrates it when configured, recovers the job queue, and starts serving and scheduling. */
    public static TvarrApplication start(TvarrConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StorageException("data_dir: cannot create " + config.dataDir(), e);
        }
        JdbiPersistence persistence = JdbiPersistence.open(config.database());
        ExecutorService background = Threads.background("tvarr-work");
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tvarr-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        try {
            if (config.migrateOnStart()) {
                persistence.migrate();
            }
            Clock clock = Clock.systemUTC();
            CronUtilsSchedules cron = new CronUtilsSchedules(ZoneId.systemDefault());
            ExclusiveIngestions ingestions = new ExclusiveIngestions(persistence.ingestionStatus(), background, clock);
            IngestionServices ingestion = IngestionServices.wire(fetchSettings(config), persistence, ingestions, clock);
            LogoCacheService logos = logoCache(config, persistence, background, clock);
            AtomicInteger listening = new AtomicInteger(config.http().port());
            ProxyGenerator generator = new ProxyGenerator(
                    new PipelineInputs(
                            persistence.proxies(),
                            persistence.streamSources(),
                            persistence.channels(),
                            persistence.epgSources(),
                            persistence.epg(),
                            persistence.filters(),
                            persistence.mappingRules()),
                    new PipelineSettings(
                            config.dataDir().resolve("proxies"),
                            new BaseUrl(config.baseUrl(), config.http().host(), listening::get),
                            guideReaders(config)),
                    new IngestionGuard(ingestions::isRunning, config.generationWait(), Duration.ofMillis(250)),
                    logos,
                    clock);
            ProxyService proxies = new ProxyService(
                    persistence.proxies(),
                    new ProxyService.References(
                            persistence.streamSources(),
                            persistence.epgSources(),
                            persistence.filters(),
                            persistence.mappingRules(),
                            persistence.relayProfiles()),
                    cron,
                    clock);

            ProcessFFmpeg ffmpeg = new ProcessFFmpeg(config.ffmpegPath());
            SystemHardwareDetector hardware = new SystemHardwareDetector(ffmpeg);
            RelayHub relay = new RelayHub(
                    config.relay(),
                    clock,
                    ffmpeg,
                    hardware,
                    new CodecProbe(ffmpeg, persistence.lastKnownCodecs(), Duration.ofHours(24), clock));
            PlayChannelService channelStreams = new PlayChannelService(
                    proxies, persistence.streamSources(), persistence.channels(), persistence.relayProfiles(), relay);

            JobEventStream events = new JobEventStream();
            Map<JobKind, JobQueue.Work> work = new EnumMap<>(JobKind.class);
            work.put(
                    JobKind.SOURCE_INGEST, target -> counts(ingestion.channels().ingest(SourceId.parse(target))));
            work.put(JobKind.EPG_INGEST, target -> counts(ingestion.guides().ingest(EpgSourceId.parse(target))));
            work.put(JobKind.PROXY_GENERATE, target -> counts(generator.generate(ProxyId.parse(target))));
            work.put(JobKind.LOGO_CLEANUP, target -> Map.of("removed", (long) logos.cleanup()));
            work.put(
                    JobKind.HISTORY_CLEANUP,
                    target -> Map.of(
                            "removed",
                            persistence
                                    .jobs()
                                    .deleteFinishedBefore(
                                            clock.instant().minus(config.jobs().history()))));
            JobQueue queue =
                    new JobQueue(persistence.jobs(), work, config.jobs().queue(), background, events, clock);
            JobScheduler.Targets targets = new JobScheduler.Targets(
                    persistence.streamSources(), persistence.epgSources(), persistence.proxies(), persistence.jobs());
            JobScheduler scheduler = new JobScheduler(targets, cron, JobScheduler.Defaults.STANDARD, queue, clock);
            // a refreshed input, however it was started, regenerates the proxies that use it
            ingestions.whenSucceeded(source -> {
                for (StreamProxy proxy : persistence.proxies().findAll()) {
                    if (uses(proxy, source)) {
                        queue.submit(JobKind.PROXY_GENERATE, proxy.id().toString());
                    }
                }
            });

            Versions versions = new Versions();
            HealthCheck health = () -> health(persistence.readiness());
            List<ApiRoutes> routes = new ArrayList<>();
            routes.add(new SystemRoutes(
                    health, versions.tvarr(), new ApiDocumentation(versions.tvarr(), versions.swaggerUi())));
            routes.add(filterRoutes(persistence, clock));
            routes.add(new SourceRoutes(
                    new StreamSourceService(persistence.streamSources(), cron, clock),
                    ingestion.channels(),
                    new ChannelBrowser(persistence.channels())));
            routes.add(new EpgRoutes(
                    new EpgSourceService(persistence.epgSources(), cron, clock),
                    ingestion.guides(),
                    new GuideBrowser(persistence.epg(), clock),
                    clock));
            routes.add(new ProxyRoutes(proxies, generator));
            routes.add(new OutputRoutes(proxies, generator, channelStreams));
            RelayInspectionService relayInspection = new RelayInspectionService(relay);
            routes.add(
                    new RelayRoutes(relayInspection, relayInspection, new FFmpegInspectionService(ffmpeg, hardware)));
            routes.add(new RelayProfileRoutes(
                    new RelayProfileService(persistence.relayProfiles(), persistence.proxies())));
            routes.add(new LogoRoutes(logos));
            routes.add(new JobRoutes(new JobsApi(queue, scheduler, targets, ingestions)));
            routes.add(events);
            TvarrHttpServer server = new TvarrHttpServer(config.http(), routes).start();
            listening.set(server.port());

            // jobs need the schema: with migrations pending, the queue waits until `tvarr migrate` has run
            AtomicBoolean recovered = new AtomicBoolean();
            ticker.scheduleWithFixedDelay(
                    () -> {
                        try {
                            if (!recovered.get()) {
                                if (!persistence.readiness().ready()) {
                                    return;
                                }
                                queue.recover();
                                recovered.set(true);
                            }
                            scheduler.tick();
                        } catch (RuntimeException e) {
                            log.error("scheduler tick failed", e);
                        }
                    },
                    0,
                    TICK.toSeconds(),
                    TimeUnit.SECONDS);
            log.info(
                    "tvarr started version={} port={} database={}",
                    versions.tvarr().version(),
                    server.port(),
                    persistence.vendor());
            return new TvarrApplication(persistence, server, background, ticker, queue, relay);
        } catch (RuntimeException e) {
            ticker.shutdownNow();
            background.shutdownNow();
            persistence.close();
            throw e;
        }
    }

    private static boolean uses(StreamProxy proxy, String source) {
        return proxy.sources().stream().anyMatch(id -> id.toString().equals(source))
                || proxy.epgSources().stream().anyMatch(id -> id.toString().equals(source));
    }

    private static Map<String, Long> counts(IngestionStatus status) {
        return Map.of("records", status.lastCount(), "skipped", status.lastSkipped());
    }

    private static Map<String, Long> counts(GenerationReport report) {
        return Map.of(
                "channels", report.channels(),
                "programmes", report.programmes(),
                "unmatched_epg_channels", report.unmatchedCount(),
                "logo_failures", report.logoFailures());
    }

    /**
     * Two guide readers per generation when the pool can give every job worker two connections and still serve
     * the API; otherwise concurrent generations would wait on each other's second connection.
     */
    private static int guideReaders(TvarrConfig config) {
        int needed = 2 * config.jobs().queue().workers() + 2;
        return config.database().maxPoolSize() >= needed ? PipelineSettings.defaultGuideReaders() : 1;
    }

    private static FetchSettings fetchSettings(TvarrConfig config) {
        return new FetchSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                config.userAgent(),
                config.allowedSourceDirs(),
                3,
                Duration.ofSeconds(1));
    }

    private static LogoCacheService logoCache(
            TvarrConfig config, JdbiPersistence persistence, ExecutorService background, Clock clock) {
        return new LogoCacheService(
                new LogoCacheService.Stores(
                        persistence.logos(),
                        new FileLogoStore(config.dataDir().resolve("logos")),
                        persistence.streamSources(),
                        persistence.channels(),
                        persistence.mappingRules()),
                new HttpLogoFetcher(Duration.ofSeconds(5), Duration.ofSeconds(15), config.userAgent()),
                config.logos(),
                background,
                clock);
    }

    private static FilterRoutes filterRoutes(JdbiPersistence persistence, Clock clock) {
        LanguageCatalogue language = new LanguageCatalogue();
        FilterService filters = new FilterService(persistence.filters(), language);
        return new FilterRoutes(
                filters,
                new MappingRuleService(persistence.mappingRules(), language),
                filters,
                new ExpressionPreviewer(
                        persistence.streamSources(),
                        persistence.channels(),
                        persistence.epgSources(),
                        persistence.epg(),
                        clock));
    }

    public int port() {
        return server.port();
    }

    /** Stops scheduling, finishes in-flight requests, interrupts running jobs (recovered at next start), closes the pool. */
    @Override
    public void close() {
        ticker.shutdownNow();
        queue.close();
        relay.close();
        server.close();
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        persistence.close();
        log.info("tvarr stopped");
    }

    private static Health health(Readiness readiness) {
        return new Health(readiness.ready(), readiness.detail());
    }
}
