package io.tvarr.app;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.port.in.LogInOutputUserUseCase;
import io.tvarr.domain.account.port.in.ManageOutputUsersUseCase;
import io.tvarr.domain.admin.port.in.AdminSessionsUseCase;
import io.tvarr.domain.admin.port.in.AuditTrailUseCase;
import io.tvarr.domain.admin.port.in.AuthenticateApiKeyUseCase;
import io.tvarr.domain.admin.port.in.FirstAdminSetupUseCase;
import io.tvarr.domain.admin.port.in.LogInAdminUseCase;
import io.tvarr.domain.admin.port.in.ManageAdminUsersUseCase;
import io.tvarr.domain.admin.port.in.ManageApiKeysUseCase;
import io.tvarr.domain.backup.port.in.BackUpStoreUseCase;
import io.tvarr.domain.backup.port.in.RestoreStoreUseCase;
import io.tvarr.domain.channel.port.in.BrowseChannelsUseCase;
import io.tvarr.domain.channel.port.in.DescribeChannelUseCase;
import io.tvarr.domain.config.port.in.ApplyConfigUseCase;
import io.tvarr.domain.config.port.in.ExportConfigUseCase;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.in.BrowseGuideUseCase;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.epg.port.in.UploadGuideUseCase;
import io.tvarr.domain.failover.port.in.ManageFailoverUseCase;
import io.tvarr.domain.filter.port.in.CheckExpressionUseCase;
import io.tvarr.domain.filter.port.in.ManageFiltersUseCase;
import io.tvarr.domain.filter.port.in.PreviewExpressionUseCase;
import io.tvarr.domain.health.port.in.CheckStreamHealthUseCase;
import io.tvarr.domain.health.port.in.ConfigureHealthChecksUseCase;
import io.tvarr.domain.health.port.in.ListStreamHealthUseCase;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.domain.job.port.in.ManageJobsUseCase;
import io.tvarr.domain.job.port.in.WatchJobsUseCase;
import io.tvarr.domain.logo.port.in.BrowseLogosUseCase;
import io.tvarr.domain.logo.port.in.CacheLogosUseCase;
import io.tvarr.domain.logo.port.in.CleanUpLogosUseCase;
import io.tvarr.domain.logo.port.in.FindCachedLogoUseCase;
import io.tvarr.domain.logo.port.in.RemoveLogosUseCase;
import io.tvarr.domain.logo.port.in.UploadLogoUseCase;
import io.tvarr.domain.mapping.port.in.ManageMappingRulesUseCase;
import io.tvarr.domain.output.port.in.AuthorizeOutputUseCase;
import io.tvarr.domain.output.port.in.ManageOutputAccessUseCase;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ConfigureGuideMatchingUseCase;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesUseCase;
import io.tvarr.domain.proxy.port.in.ListLineupUseCase;
import io.tvarr.domain.proxy.port.in.ManageChannelOverridesUseCase;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.proxy.port.in.PinGuideChannelUseCase;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.port.in.InspectFFmpegUseCase;
import io.tvarr.domain.relay.port.in.InspectRelayUseCase;
import io.tvarr.domain.relay.port.in.ManageRelayProfilesUseCase;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.in.ReadTunerStatusUseCase;
import io.tvarr.domain.relay.port.in.StopRelaySessionUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import io.tvarr.domain.source.port.in.TestXtreamAccountUseCase;
import io.tvarr.domain.source.port.in.UploadPlaylistUseCase;
import io.tvarr.domain.system.Health;
import io.tvarr.domain.system.port.in.ListWarningsUseCase;
import io.tvarr.domain.system.port.in.ShowConfigurationUseCase;
import io.tvarr.domain.xtream.port.in.LogInXtreamUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamTimeshiftUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamVodUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamGuideUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamVodUseCase;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tvarr as a library: the store, the ingestion of playlists and guides, filters and mapping rules, proxy
 * generation and the relay, assembled once and offered as use cases in domain terms. The server and the command
 * line are built on it. Nothing listens on a port; nothing runs on a schedule unless the builder says so.
 *
 * <pre>{@code
 * try (Tvarr tvarr = Tvarr.builder().dataDir(Path.of("data")).build()) {
 *     StreamSource source = tvarr.sources().create(SaveStreamSourceCommand.m3u("provider", url));
 *     tvarr.sourceIngestion().ingest(source.id());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops running jobs and relay sessions and closes the store (an embedder's own
 * {@link javax.sql.DataSource} stays open).
 */
public final class Tvarr implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Tvarr.class);

    private final Assembly parts;

    private Tvarr(Assembly parts) {
        this.parts = parts;
    }

    /** Settings with defaults: SQLite under {@code ./data}, the system clock, FFmpeg from {@code PATH}. */
    public static TvarrBuilder builder() {
        return new TvarrBuilder();
    }

    static Tvarr assemble(TvarrBuilder settings) {
        try {
            Files.createDirectories(settings.dataDir);
        } catch (IOException e) {
            throw new StorageException("data_dir: cannot create " + settings.dataDir, e);
        }
        JdbiPersistence store = settings.dataSource != null
                ? JdbiPersistence.attach(settings.dataSource)
                : JdbiPersistence.open(database(settings));
        ExecutorService background = Threads.background("tvarr-work");
        try {
            if (settings.migrate) {
                store.migrate();
            }
            Assembly parts = new Assembly(settings, store, background);
            if (settings.scheduler) {
                parts.jobs.schedule();
            } else {
                parts.jobs.recover();
            }
            return new Tvarr(parts);
        } catch (RuntimeException e) {
            background.shutdownNow();
            store.close();
            throw e;
        }
    }

    private static DatabaseSettings database(TvarrBuilder settings) {
        return settings.database != null
                ? settings.database
                : DatabaseSettings.of("jdbc:sqlite:" + settings.dataDir.resolve("tvarr.db"));
    }

    /** Channel sources (M3U playlists, Xtream accounts): create, change, list, delete. */
    public ManageStreamSourcesUseCase sources() {
        return parts.sources;
    }

    /** Reads a channel source now ({@code ingest}) or in the background ({@code start}); its last outcome. */
    public IngestSourceUseCase<SourceId> sourceIngestion() {
        return parts.ingestion.channels();
    }

    /** Guide sources (XMLTV, Xtream EPG). */
    public ManageEpgSourcesUseCase guides() {
        return parts.guides;
    }

    /** Reads a guide now or in the background; its last outcome. */
    public IngestSourceUseCase<EpgSourceId> guideIngestion() {
        return parts.ingestion.guides();
    }

    /** The stored channels of every source, paged and searchable. */
    public BrowseChannelsUseCase channels() {
        return parts.channels;
    }

    /** Logs in to an Xtream account before it is saved: expiry and connections, or the provider's refusal. */
    public TestXtreamAccountUseCase xtreamAccountTest() {
        return parts.ingestion.xtreamAccounts();
    }

    /** One stored channel with its guide match and what is on now and next. */
    public DescribeChannelUseCase channelDetails() {
        return parts.channelDetails;
    }

    /** The stored guide: channels, programmes in a time range, what is on now. */
    public BrowseGuideUseCase programmes() {
        return parts.programmes;
    }

    public ManageFiltersUseCase filters() {
        return parts.filters;
    }

    public ManageMappingRulesUseCase mappingRules() {
        return parts.mappingRules;
    }

    /** Checks an expression and lists the fields of each expression domain. */
    public CheckExpressionUseCase expressions() {
        return parts.filters;
    }

    /** Runs an expression over stored channels or programmes and shows what it would change. */
    public PreviewExpressionUseCase expressionPreview() {
        return parts.preview;
    }

    /** Proxies: the published lineups. */
    public ManageProxiesUseCase proxies() {
        return parts.proxies;
    }

    /**
     * Per-proxy channel overrides (name, number, group, logo, tvg-id, hidden): set, read, remove, list with the
     * orphaned ones marked. They apply from the proxy's next generation and survive every source refresh.
     */
    public ManageChannelOverridesUseCase channelOverrides() {
        return parts.channelOverrides;
    }

    /**
     * Channels added to a proxy by hand (name, stream URL, tvg-id, logo, group, number, guide channel): add, edit,
     * remove, list, import from and export to M3U. They apply from the proxy's next generation.
     */
    public ManageManualChannelsUseCase manualChannels() {
        return parts.manualChannels;
    }

    /** Generates a proxy's playlist and guide now; its last report; the published files. */
    public GenerateProxyUseCase generation() {
        return parts.generator;
    }

    /** A proxy's published lineup channel by channel, with the tuner stream URLs (HDHomeRun lineups). */
    public ListLineupUseCase lineups() {
        return parts.lineups;
    }

    /**
     * How a proxy's last generation matched each channel to the guide: tier, score, the guide channel chosen and, for
     * unmatched channels, the best three candidates, page by page; and which pins it used.
     */
    public ListGuideMatchesUseCase guideMatches() {
        return parts.guideMatches;
    }

    /** Pins a guide channel to a proxy's channel (it always wins), or removes the pin. */
    public PinGuideChannelUseCase guidePins() {
        return parts.guideMatching;
    }

    /** A proxy's guide matching settings: the similarity threshold. */
    public ConfigureGuideMatchingUseCase guideMatching() {
        return parts.guideMatching;
    }

    /** Proxies as HDHomeRun tuner devices: identity, URLs and tuner count. */
    public DescribeTunerUseCase tuners() {
        return parts.tuners;
    }

    /** What each tuner of a proxy's HDHomeRun device streams now (its status.json). */
    public ReadTunerStatusUseCase tunerStatus() {
        return parts.tunerStatus;
    }

    /**
     * Failover of each proxy: merging the same channel from several sources or accounts into one output channel
     * (by tvg-id or normalised name), and alternates listed by hand.
     */
    public ManageFailoverUseCase failover() {
        return parts.failover;
    }

    /** Each channel source's periodic stream checks: on or off (off by default), schedule, channels per run. */
    public ConfigureHealthChecksUseCase streamChecks() {
        return parts.streamHealth;
    }

    /** The stream checks' results: per source a page at a time, per channel the last one. */
    public ListStreamHealthUseCase streamHealth() {
        return parts.streamHealth;
    }

    /** Checks a batch of a source's streams now, on the calling thread, within the source's free connections. */
    public CheckStreamHealthUseCase streamCheck() {
        return parts.streamChecks;
    }

    /** Who may read each proxy's outputs: reading, changing, rotating tokens. */
    public ManageOutputAccessUseCase outputAccess() {
        return parts.outputAccess;
    }

    /** Decides players' requests for outputs by each proxy's access. */
    public AuthorizeOutputUseCase outputGate() {
        return parts.outputGate;
    }

    public ManageOutputUsersUseCase outputUsers() {
        return parts.outputUsers;
    }

    /** Checks an output user's login. */
    public LogInOutputUserUseCase outputLogin() {
        return parts.outputUsers;
    }

    /** Xtream logins of output users, with their running streams. */
    public LogInXtreamUseCase xtreamLogins() {
        return parts.xtream;
    }

    /** Plays a channel by its Xtream stream id for an output user, within the user's connection limit. */
    public PlayXtreamChannelUseCase xtreamPlayer() {
        return parts.xtream;
    }

    /** A proxy's published lineup as the Xtream door shows it (stream ids, categories from groups). */
    public ReadXtreamLineupUseCase xtreamLineups() {
        return parts.xtreamOutputs;
    }

    /** A channel's programmes from a proxy's published guide. */
    public ReadXtreamGuideUseCase xtreamGuides() {
        return parts.xtreamGuides;
    }

    /** The movies and series a proxy's Xtream door serves (its Xtream sources' VOD, when its xtreamVod is on). */
    public ReadXtreamVodUseCase xtreamVod() {
        return parts.xtreamVod;
    }

    /** Plays a movie or an episode by its Xtream id for an output user, within the user's and provider's limits. */
    public PlayXtreamVodUseCase xtreamVodPlayer() {
        return parts.xtreamOnDemand;
    }

    /** Plays a channel's past from its provider's catch-up archive (Xtream timeshift). */
    public PlayXtreamTimeshiftUseCase xtreamTimeshift() {
        return parts.xtreamOnDemand;
    }

    /** The published playlist of a proxy (M3U, UTF-8). The caller closes the stream. */
    /** Admin users: add, re-password, list, remove (the command line's {@code tvarr user}). */
    public ManageAdminUsersUseCase adminUsers() {
        return parts.admin.users;
    }

    /** Password logins for the web pages, throttled against guessing. */
    public LogInAdminUseCase adminLogins() {
        return parts.admin.logins;
    }

    /** The sessions logins open. */
    public AdminSessionsUseCase adminSessions() {
        return parts.admin.logins;
    }

    /** API keys for programs: made, listed, revoked. */
    public ManageApiKeysUseCase apiKeys() {
        return parts.admin.keys;
    }

    /** Who a bearer token belongs to. */
    public AuthenticateApiKeyUseCase apiKeyAuthentication() {
        return parts.admin.keys;
    }

    /** The first admin user of a fresh install. */
    public FirstAdminSetupUseCase adminSetup() {
        return parts.admin.setup;
    }

    /** Who changed what. */
    public AuditTrailUseCase auditTrail() {
        return parts.admin.audit;
    }

    public InputStream openPlaylist(ProxyId proxy) {
        return open(parts.generator.playlist(proxy), "playlist of proxy " + proxy);
    }

    /** The published playlist's file, for {@code tvarr generate} to move rather than copy. */
    Optional<Path> publishedPlaylist(ProxyId proxy) {
        return parts.generator.playlist(proxy);
    }

    /** The published guide's file, for {@code tvarr generate} to move rather than copy. */
    Optional<Path> publishedGuide(ProxyId proxy) {
        return parts.generator.guide(proxy);
    }

    /** The published guide of a proxy (XMLTV, UTF-8). The caller closes the stream. */
    public InputStream openGuide(ProxyId proxy) {
        return open(parts.generator.guide(proxy), "guide of proxy " + proxy);
    }

    /** Plays a proxy's channel the way the proxy delivers it: a redirect to the upstream, or a stream of bytes. */
    public PlayChannelUseCase play() {
        return parts.streams;
    }

    /**
     * Copies a proxy's channel to {@code out} as the relay delivers it (passed through, or transcoded when the
     * proxy's delivery runs FFmpeg), shared with every other viewer of the channel, until the upstream ends or
     * writing fails. Blocks the calling thread; {@code out} is not closed.
     *
     * @throws io.tvarr.domain.ValidationException when the proxy redirects players (use {@link #play()})
     * @throws io.tvarr.domain.UnavailableException when a connection limit or a circuit breaker refuses it
     */
    public void streamChannel(String proxyIdOrSlug, String channelId, OutputStream out) throws IOException {
        relayed(proxyIdOrSlug, channelId).transferTo(out, () -> {});
    }

    /**
     * A proxy's channel as a stream to read, fed by the relay as {@link #streamChannel} is; refusals are thrown
     * here, before anything is returned. Closing the stream leaves the channel.
     */
    public InputStream openChannel(String proxyIdOrSlug, String channelId) {
        return ChannelPipe.open(relayed(proxyIdOrSlug, channelId), parts.background);
    }

    private Playback.Stream relayed(String proxyIdOrSlug, String channelId) {
        Playback playback = parts.streams.play(
                new PlayChannelCommand(proxyIdOrSlug, channelId, new ClientInfo("embedded", "tvarr-library")));
        if (playback instanceof Playback.Stream stream) {
            return stream;
        }
        throw new ValidationException("proxy '" + proxyIdOrSlug + "': its delivery is redirect, so tvarr holds no"
                + " stream to give (play() answers the upstream URL; proxy or transcode delivery relay the bytes)");
    }

    /** Relay sessions and upstream health, as they are now. */
    public InspectRelayUseCase relay() {
        return parts.relayInspection;
    }

    /** Ends a relay session by hand. */
    public StopRelaySessionUseCase relaySessions() {
        return parts.relayInspection;
    }

    /** Which FFmpeg transcoding uses and what it can do on this machine. */
    public InspectFFmpegUseCase ffmpeg() {
        return parts.ffmpegInspection;
    }

    public ManageRelayProfilesUseCase relayProfiles() {
        return parts.relayProfiles;
    }

    /** Downloads logos into the cache (checked by their first bytes, revalidated when stale). */
    public CacheLogosUseCase logos() {
        return parts.logos;
    }

    /** Keeps a playlist uploaded from a person's computer as a new M3U source's file, or an existing one's. */
    public UploadPlaylistUseCase playlistUploads() {
        return parts.playlistUploads;
    }

    /** Keeps an XMLTV guide (plain or gzip) uploaded from a person's computer as a guide source's file. */
    public UploadGuideUseCase guideUploads() {
        return parts.guideUploads;
    }

    /** Adds a logo of your own to the cache; use its URL in a mapping rule. */
    public UploadLogoUseCase logoUploads() {
        return parts.logoUploads;
    }

    /** A cached logo's file by its name ({@code sha256.ext}). */
    public FindCachedLogoUseCase cachedLogos() {
        return parts.cachedLogos;
    }

    /** The configuration in effect, every secret masked; empty for a core built from code. */
    public ShowConfigurationUseCase configuration() {
        return parts.configuration;
    }

    /** Pages through the cached logos and the logo URLs whose last download failed. */
    public BrowseLogosUseCase logoCatalogue() {
        return parts.logoCatalogue;
    }

    /** Removes one cached logo, or forgets the failed downloads so the next generation tries them again. */
    public RemoveLogosUseCase logoRemoval() {
        return parts.logoCatalogue;
    }

    /** Removes cached logos nothing refers to any more. */
    public CleanUpLogosUseCase logoCleanup() {
        return parts.logoCleanup;
    }

    /**
     * Writes the whole store and the logo cache to one archive, consistent while tvarr runs (one snapshot of the
     * database); any supported database can restore it.
     */
    public BackUpStoreUseCase backups() {
        return parts.backups;
    }

    /**
     * Replaces everything stored with an archive's content, in one transaction: a damaged archive, or one made by a
     * newer tvarr, changes nothing. Run it while no server uses the store.
     */
    public RestoreStoreUseCase restores() {
        return parts.backups;
    }

    /**
     * Every setting a user made as one document by name, secrets as {@code ${ENV_NAME}} references (configuration
     * as code; {@code tvarr export}).
     */
    public ExportConfigUseCase configExport() {
        return parts.configExport;
    }

    /** Makes the instance match a configuration document: create, update, with prune delete; or a dry run. */
    public ApplyConfigUseCase configApply() {
        return parts.configApply;
    }

    /**
     * This instance's name: configured, or the host name with a random suffix. Jobs name the instance that ran them;
     * the relay sessions this core lists are all held by it.
     */
    public String instance() {
        return parts.instance;
    }

    /** Background jobs: submit, cancel, list, and what the scheduler runs next. */
    public ManageJobsUseCase jobs() {
        return parts.jobs.api;
    }

    /** Every change of a job's state, as it happens (the server's event stream subscribes here). */
    public WatchJobsUseCase jobEvents() {
        return parts.jobs.watchers;
    }

    /** Whether the database answers and has no pending migration. */
    /** What needs a person's action now: empty guides, channels without guide, open circuit breakers. */
    public ListWarningsUseCase warnings() {
        return parts.warnings;
    }

    public Health health() {
        var readiness = parts.store.readiness();
        return new Health(readiness.ready(), readiness.detail());
    }

    Assembly parts() {
        return parts;
    }

    /** Stops scheduling, interrupts running jobs (recovered at the next start), ends relay sessions, closes the store. */
    @Override
    public void close() {
        parts.jobs.close();
        parts.relay.close();
        parts.background.shutdownNow();
        try {
            parts.background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        parts.store.close();
        log.debug("tvarr core closed");
    }

    private static InputStream open(java.util.Optional<Path> file, String what) {
        Path path = file.orElseThrow(() -> new NotFoundException(what + ": not generated yet"));
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new StorageException(what + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
