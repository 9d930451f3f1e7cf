package io.tvarr.app;

import io.tvarr.domain.account.service.OutputUserService;
import io.tvarr.domain.backup.service.StoreBackup;
import io.tvarr.domain.channel.service.ChannelBrowser;
import io.tvarr.domain.channel.service.ChannelDescriber;
import io.tvarr.domain.config.service.ConfigApplier;
import io.tvarr.domain.config.service.ConfigExporter;
import io.tvarr.domain.config.service.ConfigParts;
import io.tvarr.domain.epg.service.EpgSourceService;
import io.tvarr.domain.epg.service.GuideBrowser;
import io.tvarr.domain.epg.service.GuideUploads;
import io.tvarr.domain.failover.service.ChannelStreamOrder;
import io.tvarr.domain.failover.service.FailoverSettingsService;
import io.tvarr.domain.filter.service.ExpressionPreviewer;
import io.tvarr.domain.filter.service.FilterService;
import io.tvarr.domain.health.service.RecentHealth;
import io.tvarr.domain.health.service.StreamHealthChecker;
import io.tvarr.domain.health.service.StreamHealthService;
import io.tvarr.domain.ingestion.service.ExclusiveIngestions;
import io.tvarr.domain.logo.port.out.LogoFetcher;
import io.tvarr.domain.logo.port.out.LogoStore;
import io.tvarr.domain.logo.service.CachedLogos;
import io.tvarr.domain.logo.service.LogoCatalogue;
import io.tvarr.domain.logo.service.LogoDownloader;
import io.tvarr.domain.logo.service.LogoGarbageCollector;
import io.tvarr.domain.logo.service.LogoReferences;
import io.tvarr.domain.logo.service.LogoUploader;
import io.tvarr.domain.logo.service.SharedLogoStore;
import io.tvarr.domain.mapping.service.MappingRuleService;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.service.OutputAccessService;
import io.tvarr.domain.output.service.OutputGate;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.service.ChannelOverrideService;
import io.tvarr.domain.proxy.service.GuideMatchingService;
import io.tvarr.domain.proxy.service.ManualChannelService;
import io.tvarr.domain.proxy.service.ProxyService;
import io.tvarr.domain.proxy.service.TunerDeviceService;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.domain.relay.port.in.ReadTunerStatusUseCase;
import io.tvarr.domain.relay.service.FFmpegInspectionService;
import io.tvarr.domain.relay.service.PlayChannelService;
import io.tvarr.domain.relay.service.RelayInspectionService;
import io.tvarr.domain.relay.service.RelayProfileChoice;
import io.tvarr.domain.relay.service.RelayProfileService;
import io.tvarr.domain.relay.service.TunerLimitedPlayback;
import io.tvarr.domain.source.service.PlaylistUploads;
import io.tvarr.domain.source.service.SourceFiles;
import io.tvarr.domain.source.service.StreamSourceService;
import io.tvarr.domain.system.service.ConfigurationInEffect;
import io.tvarr.domain.system.service.WarningsService;
import io.tvarr.domain.xtream.service.XtreamAccounts;
import io.tvarr.domain.xtream.service.XtreamOnDemand;
import io.tvarr.domain.xtream.service.XtreamVodCatalogue;
import io.tvarr.expression.LanguageCatalogue;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.logo.HttpLogoFetcher;
import io.tvarr.persistence.JdbiPersistence;
import io.tvarr.persistence.logo.FileLogoStore;
import io.tvarr.persistence.source.DirectorySourceFileStore;
import io.tvarr.pipeline.PipelineInputs;
import io.tvarr.pipeline.PipelineSettings;
import io.tvarr.pipeline.ProxyGenerator;
import io.tvarr.pipeline.PublishedGuideMatches;
import io.tvarr.pipeline.PublishedLineups;
import io.tvarr.pipeline.PublishedMerges;
import io.tvarr.pipeline.PublishedOutputs;
import io.tvarr.pipeline.XtreamGuides;
import io.tvarr.pipeline.XtreamPublications;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import io.tvarr.relay.ffmpeg.CodecProbe;
import io.tvarr.relay.ffmpeg.ProcessFFmpeg;
import io.tvarr.relay.ffmpeg.SystemHardwareDetector;
import io.tvarr.relay.session.RelayHub;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one place where tvarr's parts meet: every adapter behind its port, every service over its ports. Built once
 * per {@link Tvarr}; package-private so only the core and the server see the parts.
 */
final class Assembly {
    /** How long a channel's probed codecs are trusted, by the relay's probe and the tuner's profile choice alike. */
    private static final Duration CODECS_TRUSTED = Duration.ofHours(24);
    /** How long ffprobe may take to read one stream in a health check before the stream counts as broken. */
    private static final Duration HEALTH_PROBE_TIMEOUT = Duration.ofSeconds(15);
    /** How long a health check's "broken" makes failover try the stream last; after that it is tried in its place. */
    private static final Duration BROKEN_TRUSTED = Duration.ofHours(24);

    final JdbiPersistence store;
    final Clock clock;

    /** This instance's name among others on the store, beside its jobs and relay sessions. */
    final String instance;
    /** Where players and browsers reach tvarr, as written into playlists and links. */
    final Supplier<String> baseUrl;

    final ExecutorService background;
    final ExclusiveIngestions ingestions;
    final IngestionServices ingestion;
    final StreamSourceService sources;
    final PlaylistUploads playlistUploads;
    final GuideUploads guideUploads;
    final EpgSourceService guides;
    final ChannelBrowser channels;
    final ChannelDescriber channelDetails;
    final GuideBrowser programmes;
    final FilterService filters;
    final MappingRuleService mappingRules;
    final ExpressionPreviewer preview;
    final CachedLogos cachedLogos;
    final LogoDownloader logos;
    final LogoUploader logoUploads;
    final LogoGarbageCollector logoCleanup;
    final LogoCatalogue logoCatalogue;
    final ConfigurationInEffect configuration;
    final StoreBackup backups;
    final ProxyService proxies;
    final ChannelOverrideService channelOverrides;
    final ManualChannelService manualChannels;
    final ProxyGenerator generator;
    final PublishedLineups lineups;
    final PublishedGuideMatches guideMatches;
    final GuideMatchingService guideMatching;
    final TunerDeviceService tuners;
    final OutputAccessService outputAccess;
    final FailoverSettingsService failover;
    final OutputGate outputGate;
    final OutputUserService outputUsers;
    final XtreamPublications xtreamOutputs;
    final XtreamGuides xtreamGuides;
    final XtreamAccounts xtream;
    final XtreamVodCatalogue xtreamVod;
    final XtreamOnDemand xtreamOnDemand;
    final RelayProfileService relayProfiles;
    final ProcessFFmpeg ffmpeg;
    final SystemHardwareDetector hardware;
    /**
     * Connection limits across the instances on the store (providers', output users', tuners'); null on SQLite,
     * whose one writer means one instance, for which its own counts are the whole truth.
     */
    final @Nullable SharedConnectionLimits sharedLimits;

    final RelayHub relay;
    final StreamHealthService streamHealth;
    final StreamHealthChecker streamChecks;
    final PlayChannelUseCase streams;
    final ReadTunerStatusUseCase tunerStatus;
    final RelayInspectionService relayInspection;
    final WarningsService warnings;
    final FFmpegInspectionService ffmpegInspection;
    final CronUtilsSchedules cron;
    final AdminServices admin;
    final ConfigExporter configExport;
    final ConfigApplier configApply;
    final Jobs jobs;

    Assembly(TvarrBuilder settings, JdbiPersistence store, ExecutorService background) {
        this.store = store;
        this.clock = settings.clock;
        this.configuration = new ConfigurationInEffect(settings.configuration);
        this.instance = settings.instance.resolveId();
        this.baseUrl = settings.baseUrl;
        this.background = background;
        this.cron = new CronUtilsSchedules(ZoneId.systemDefault());
        // a refresh spools what it read under the data dir, then stores it in one short transaction
        this.ingestions = new ExclusiveIngestions(
                store.ingestionStatus(), background, clock, settings.dropLimit, settings.dataDir.resolve("spool"));
        this.ingestion = IngestionServices.wire(fetchSettings(settings), store, ingestions, clock);
        SourceFiles uploads =
                new SourceFiles(new DirectorySourceFileStore(uploadDir(settings)), settings.maxUploadBytes);
        this.sources = new StreamSourceService(store.streamSources(), cron, clock, uploads);
        this.guides = new EpgSourceService(store.epgSources(), cron, clock, uploads);
        this.playlistUploads = new PlaylistUploads(sources, uploads);
        this.guideUploads = new GuideUploads(guides, uploads);
        this.channels = new ChannelBrowser(store.channels());
        this.channelDetails = new ChannelDescriber(store.channels(), store.epg(), clock);
        this.programmes = new GuideBrowser(store.epg(), clock);
        LanguageCatalogue language = new LanguageCatalogue();
        this.filters = new FilterService(store.filters(), language);
        this.mappingRules = new MappingRuleService(store.mappingRules(), language);
        this.preview = new ExpressionPreviewer(
                new ExpressionPreviewer.Records(
                        store.streamSources(), store.channels(), store.epgSources(), store.epg()),
                language,
                clock);
        // SQLite has one writer and so one instance: its logo directory is the whole cache; otherwise it caches the
        // store's
        LogoStore logoFiles = store.vendor().equals("sqlite")
                ? new FileLogoStore(settings.dataDir.resolve("logos"))
                : new SharedLogoStore(new FileLogoStore(settings.dataDir.resolve("logos")), store.logoFiles());
        this.cachedLogos = new CachedLogos(store.logos(), logoFiles, store.logoFailures(), clock);
        this.logoCatalogue = new LogoCatalogue(store.logos(), store.logoFailures(), logoFiles);
        this.logos = new LogoDownloader(
                cachedLogos,
                onFirstFetch(
                        () -> new HttpLogoFetcher(Duration.ofSeconds(5), Duration.ofSeconds(15), settings.userAgent)),
                settings.logos,
                background);
        this.logoUploads = new LogoUploader(cachedLogos, settings.logos);
        this.backups = new StoreBackup(
                store.snapshots(), logoFiles, clock, new Versions().tvarr().version());
        this.logoCleanup = new LogoGarbageCollector(
                store.logos(),
                logoFiles,
                new LogoReferences(store.streamSources(), store.channels(), store.mappingRules()),
                clock);
        this.proxies = new ProxyService(
                store.proxies(),
                new ProxyService.References(
                        store.streamSources(),
                        store.epgSources(),
                        store.filters(),
                        store.mappingRules(),
                        store.relayProfiles()),
                cron,
                clock);
        this.channelOverrides = new ChannelOverrideService(
                store.channelOverrides(), store.proxies(), store.channels(), store.manualChannels(), clock);
        this.manualChannels = new ManualChannelService(store.manualChannels(), store.proxies(), clock);
        PipelineSettings pipeline = new PipelineSettings(
                outputDirectory(settings), settings.baseUrl, guideReaders(settings), settings.servingFiles);
        PipelineInputs pipelineInputs = new PipelineInputs(
                store.proxies(),
                store.streamSources(),
                store.channels(),
                store.epgSources(),
                store.epg(),
                store.filters(),
                store.mappingRules(),
                this::readOutputAccess,
                store.channelOverrides(),
                store.failover(),
                store.guideMatching(),
                store.manualChannels());
        // SQLite has one writer and so one instance: its files need no sharing, and serving them asks the store nothing
        PublishedOutputs outputs = store.vendor().equals("sqlite")
                ? PublishedOutputs.local(pipeline.outputDirectory())
                : PublishedOutputs.shared(pipeline.outputDirectory(), store.publishedOutputs(), instance);
        this.generator = new ProxyGenerator(
                pipelineInputs,
                pipeline,
                new IngestionGuard(ingestions::isRunning, settings.generationWait, Duration.ofMillis(250)),
                logos,
                outputs,
                clock);
        this.failover = new FailoverSettingsService(proxies, store.failover(), store.channels(), store.channelKeys());
        this.outputAccess = new OutputAccessService(store.outputAccess(), proxies, generator, settings.baseUrl);
        this.outputGate = new OutputGate(store.outputAccess(), proxies, clock);
        this.lineups = new PublishedLineups(generator, pipeline, outputAccess);
        this.guideMatches = new PublishedGuideMatches(generator, store.guideMatching());
        this.guideMatching = new GuideMatchingService(store.proxies(), store.channels(), store.guideMatching(), clock);
        this.tuners =
                new TunerDeviceService(proxies, store.streamSources(), settings.tuners, settings.baseUrl, outputAccess);
        this.outputUsers =
                new OutputUserService(store.outputUsers(), new Argon2PasswordHasher(), store.proxies(), clock);
        this.relayProfiles = new RelayProfileService(store.relayProfiles(), store.proxies());
        this.ffmpeg = new ProcessFFmpeg(settings.ffmpeg);
        this.hardware = new SystemHardwareDetector(ffmpeg);
        this.sharedLimits = store.vendor().equals("sqlite")
                ? null
                : new SharedConnectionLimits(store.connectionLeases(), instance, settings.instance.lease(), clock);
        this.relay = new RelayHub(
                settings.relay,
                settings.userAgent,
                clock,
                ffmpeg,
                hardware,
                new CodecProbe(ffmpeg, store.lastKnownCodecs(), CODECS_TRUSTED, clock),
                sharedLimits);
        TunerLimitedPlayback tunerStreams = new TunerLimitedPlayback(
                new PlayChannelService(
                        proxies,
                        store.streamSources(),
                        new ChannelStreamOrder(
                                store.channels(),
                                store.failover(),
                                new PublishedMerges(outputs),
                                store.manualChannels()),
                        new RelayProfileChoice(store.relayProfiles(), store.lastKnownCodecs(), clock, CODECS_TRUSTED),
                        relay,
                        new RecentHealth(store.streamHealth(), BROKEN_TRUSTED, clock)),
                tuners,
                sharedLimits);
        this.streams = tunerStreams;
        this.tunerStatus = tunerStreams;
        this.streamHealth = new StreamHealthService(store.streamHealth(), store.streamSources(), cron);
        this.streamChecks = new StreamHealthChecker(
                new StreamHealthChecker.Stores(
                        store.streamSources(), store.channels(), store.streamHealth(), store.lastKnownCodecs()),
                ffmpeg,
                relay,
                HEALTH_PROBE_TIMEOUT,
                clock);
        this.xtreamOutputs = new XtreamPublications(outputs);
        this.xtreamGuides = new XtreamGuides(pipelineInputs, xtreamOutputs, clock);
        this.xtream = new XtreamAccounts(
                outputUsers, xtreamOutputs, streams, outputGate, clock, settings.xtreamRedirectLease, sharedLimits);
        this.xtreamVod = new XtreamVodCatalogue(store.proxies(), store.vod());
        this.xtreamOnDemand = new XtreamOnDemand(
                xtream,
                xtreamVod,
                xtreamOutputs,
                store.proxies(),
                store.streamSources(),
                store.channels(),
                relay,
                relay);
        this.relayInspection = new RelayInspectionService(relay);
        this.warnings = new WarningsService(
                store.epgSources(), store.epg(), proxies, generator, relayInspection, logoCatalogue, clock);
        this.ffmpegInspection = new FFmpegInspectionService(ffmpeg, hardware);
        this.admin = new AdminServices(store, new Argon2PasswordHasher(), settings.admin, clock);
        ConfigParts configurable = new ConfigParts(
                sources,
                streamHealth,
                guides,
                filters,
                filters,
                mappingRules,
                relayProfiles,
                proxies,
                failover,
                guideMatching,
                guideMatching,
                channelOverrides,
                manualChannels,
                store.channels(),
                store.channelKeys(),
                outputAccess,
                store.outputAccess(),
                store.outputUsers(),
                new Argon2PasswordHasher(),
                cron,
                clock);
        this.configExport = new ConfigExporter(configurable);
        this.configApply = new ConfigApplier(configurable, settings.secrets, store.transactions());
        this.jobs = new Jobs(this, settings, cron, instance);
    }

    /** The generator is built before the access service (which regenerates through it), so it reads through here. */
    private OutputAccess readOutputAccess(ProxyId proxy) {
        return outputAccess.read(proxy);
    }

    /**
     * Two guide readers per generation when the pool can give every job worker two connections and still serve
     * the API; otherwise concurrent generations would wait on each other's second connection.
     */
    /**
     * The logo fetcher is made when the first logo is fetched: its JDK client loads the TLS trust store and starts a
     * thread, a noticeable part of every start (#19) that {@code tvarr generate} without logos never needs.
     */
    private static LogoFetcher onFirstFetch(Supplier<LogoFetcher> make) {
        var made = new java.util.concurrent.atomic.AtomicReference<LogoFetcher>();
        return (url, etag, lastModified, maxBytes) ->
                made.updateAndGet(f -> f != null ? f : make.get()).fetch(url, etag, lastModified, maxBytes);
    }

    private static int guideReaders(TvarrBuilder settings) {
        int needed = 2 * settings.jobs.workers() + 2;
        int pool = settings.database == null ? Integer.MAX_VALUE : settings.database.maxPoolSize();
        return pool >= needed ? PipelineSettings.defaultGuideReaders() : 1;
    }

    private static Path outputDirectory(TvarrBuilder settings) {
        return settings.outputDirectory != null ? settings.outputDirectory : settings.dataDir.resolve("proxies");
    }

    /** Uploaded playlists and guides; their sources read them as {@code file:} URLs whatever allowed_dirs says. */
    private static Path uploadDir(TvarrBuilder settings) {
        return settings.dataDir.resolve("uploads").toAbsolutePath().normalize();
    }

    private static FetchSettings fetchSettings(TvarrBuilder settings) {
        List<Path> readable = new ArrayList<>(settings.allowedSourceDirs);
        readable.add(uploadDir(settings));
        return new FetchSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                settings.userAgent,
                readable,
                3,
                Duration.ofSeconds(1));
    }
}
