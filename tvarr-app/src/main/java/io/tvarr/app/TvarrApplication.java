package io.tvarr.app;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.channel.service.ChannelBrowser;
import io.tvarr.domain.epg.service.EpgSourceService;
import io.tvarr.domain.epg.service.GuideBrowser;
import io.tvarr.domain.filter.service.FilterService;
import io.tvarr.domain.logo.service.LogoCacheService;
import io.tvarr.domain.mapping.service.MappingRuleService;
import io.tvarr.domain.proxy.service.ProxyService;
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
import io.tvarr.http.logo.LogoRoutes;
import io.tvarr.http.proxy.OutputRoutes;
import io.tvarr.http.proxy.ProxyRoutes;
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
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running tvarr: the store, the services and the HTTP server, wired from one configuration. */
public final class TvarrApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TvarrApplication.class);

    private final JdbiPersistence persistence;
    private final TvarrHttpServer server;
    private final ExecutorService background;

    private TvarrApplication(JdbiPersistence persistence, TvarrHttpServer server, ExecutorService background) {
        this.persistence = persistence;
        this.server = server;
        this.background = background;
    }

    /** Opens the store, migrates it when configured, and starts serving. */
    public static TvarrApplication start(TvarrConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StorageException("data_dir: cannot create " + config.dataDir(), e);
        }
        JdbiPersistence persistence = JdbiPersistence.open(config.database());
        ExecutorService background = Threads.background("tvarr-ingest");
        try {
            if (config.migrateOnStart()) {
                persistence.migrate();
            }
            Versions versions = new Versions();
            HealthCheck health = () -> health(persistence.readiness());
            List<ApiRoutes> routes = new ArrayList<>();
            routes.add(new SystemRoutes(
                    health, versions.tvarr(), new ApiDocumentation(versions.tvarr(), versions.swaggerUi())));
            routes.add(filterRoutes(persistence));
            Clock clock = Clock.systemUTC();
            ExclusiveIngestions ingestions = new ExclusiveIngestions(persistence.ingestionStatus(), background, clock);
            routes.addAll(ingestionRoutes(config, persistence, ingestions, clock));
            AtomicInteger listening = new AtomicInteger(config.http().port());
            routes.addAll(proxyRoutes(config, persistence, ingestions, background, clock, listening::get));
            TvarrHttpServer server = new TvarrHttpServer(config.http(), routes).start();
            listening.set(server.port());
            log.info(
                    "tvarr started version={} port={} database={}",
                    versions.tvarr().version(),
                    server.port(),
                    persistence.vendor());
            return new TvarrApplication(persistence, server, background);
        } catch (RuntimeException e) {
            background.shutdownNow();
            persistence.close();
            throw e;
        }
    }

    private static List<ApiRoutes> proxyRoutes(
            TvarrConfig config,
            JdbiPersistence persistence,
            ExclusiveIngestions ingestions,
            Executor background,
            Clock clock,
            IntSupplier port) {
        LogoCacheService logos = new LogoCacheService(
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
        ProxyService proxies = new ProxyService(
                persistence.proxies(),
                new ProxyService.References(
                        persistence.streamSources(),
                        persistence.epgSources(),
                        persistence.filters(),
                        persistence.mappingRules(),
                        persistence.relayProfiles()),
                clock);
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
                        new BaseUrl(config.baseUrl(), config.http().host(), port)),
                new IngestionGuard(ingestions::isRunning, config.generationWait(), Duration.ofMillis(250)),
                logos,
                clock);
        return List.of(
                new ProxyRoutes(proxies, generator), new OutputRoutes(proxies, generator), new LogoRoutes(logos));
    }

    private static List<ApiRoutes> ingestionRoutes(
            TvarrConfig config, JdbiPersistence persistence, ExclusiveIngestions ingestions, Clock clock) {
        IngestionServices ingestion = IngestionServices.wire(
                new FetchSettings(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(60),
                        5,
                        config.userAgent(),
                        config.allowedSourceDirs(),
                        3,
                        Duration.ofSeconds(1)),
                persistence,
                ingestions,
                clock);
        return List.of(
                new SourceRoutes(
                        new StreamSourceService(persistence.streamSources(), clock),
                        ingestion.channels(),
                        new ChannelBrowser(persistence.channels())),
                new EpgRoutes(
                        new EpgSourceService(persistence.epgSources(), clock),
                        ingestion.guides(),
                        new GuideBrowser(persistence.epg(), clock),
                        clock));
    }

    private static FilterRoutes filterRoutes(JdbiPersistence persistence) {
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
                        Clock.systemUTC()));
    }

    public int port() {
        return server.port();
    }

    /** Finishes in-flight requests, then closes the pool. */
    @Override
    public void close() {
        server.close();
        background.shutdownNow();
        persistence.close();
        log.info("tvarr stopped");
    }

    private static Health health(Readiness readiness) {
        return new Health(readiness.ready(), readiness.detail());
    }
}
