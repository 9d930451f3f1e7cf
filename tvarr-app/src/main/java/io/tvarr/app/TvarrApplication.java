package io.tvarr.app;

import io.tvarr.domain.admin.port.in.SetupState;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.ClientAddresses;
import io.tvarr.http.HttpSettings;
import io.tvarr.http.OutputAccessCheck;
import io.tvarr.http.RequestObserver;
import io.tvarr.http.TvarrHttpServer;
import io.tvarr.http.account.OutputUserRoutes;
import io.tvarr.http.auth.AdminAccess;
import io.tvarr.http.auth.AdminGate;
import io.tvarr.http.auth.AuthRoutes;
import io.tvarr.http.auth.LoginPages;
import io.tvarr.http.config.ConfigRoutes;
import io.tvarr.http.epg.EpgRoutes;
import io.tvarr.http.epg.GuideUploadRoutes;
import io.tvarr.http.filter.FilterRoutes;
import io.tvarr.http.hdhr.HdHomeRunDiscovery;
import io.tvarr.http.hdhr.HdHomeRunRoutes;
import io.tvarr.http.hdhr.SsdpResponder;
import io.tvarr.http.job.JobEventStream;
import io.tvarr.http.job.JobRoutes;
import io.tvarr.http.logo.LogoCatalogueRoutes;
import io.tvarr.http.logo.LogoRoutes;
import io.tvarr.http.proxy.ChannelOverrideRoutes;
import io.tvarr.http.proxy.FailoverRoutes;
import io.tvarr.http.proxy.GuideMatchRoutes;
import io.tvarr.http.proxy.ManualChannelRoutes;
import io.tvarr.http.proxy.OutputAccessRoutes;
import io.tvarr.http.proxy.OutputRoutes;
import io.tvarr.http.proxy.ProxyRoutes;
import io.tvarr.http.relay.RelayProfileRoutes;
import io.tvarr.http.relay.RelayRoutes;
import io.tvarr.http.source.ChannelDetailRoutes;
import io.tvarr.http.source.PlaylistUploadRoutes;
import io.tvarr.http.source.SourceRoutes;
import io.tvarr.http.source.StreamHealthRoutes;
import io.tvarr.http.source.XtreamTestRoutes;
import io.tvarr.http.system.ApiDocumentation;
import io.tvarr.http.system.ConfigInEffectRoutes;
import io.tvarr.http.system.MetricsRoutes;
import io.tvarr.http.system.SystemRoutes;
import io.tvarr.http.system.WarningRoutes;
import io.tvarr.http.web.FailoverPages;
import io.tvarr.http.web.GuideMatchPages;
import io.tvarr.http.web.GuideMatchUseCases;
import io.tvarr.http.web.LogoPages;
import io.tvarr.http.web.ManualChannelPages;
import io.tvarr.http.web.OverridePages;
import io.tvarr.http.web.PlayerPages;
import io.tvarr.http.web.WebRoutes;
import io.tvarr.http.web.WebUseCases;
import io.tvarr.http.xtream.XtreamRoutes;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tvarr serve}: the {@link Tvarr} core with its scheduler on, behind the HTTP server. Routes reach the core
 * only through its use cases.
 */
public final class TvarrApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TvarrApplication.class);

    private final Tvarr core;
    private final TvarrHttpServer server;
    private final @Nullable HdHomeRunDiscovery discovery;
    private final @Nullable SsdpResponder ssdp;

    private TvarrApplication(
            Tvarr core, TvarrHttpServer server, @Nullable HdHomeRunDiscovery discovery, @Nullable SsdpResponder ssdp) {
        this.core = core;
        this.server = server;
        this.discovery = discovery;
        this.ssdp = ssdp;
    }

    /** Opens the store, migrates it when configured, recovers the job queue, and starts serving and scheduling. */
    public static TvarrApplication start(TvarrConfig config) {
        return start(config, System.out);
    }

    /**
     * As {@link #start(TvarrConfig)}, printing a first start's one-time setup link to {@code console} (a link holds a
     * secret, so it goes to the console the person who started tvarr sees, never to the log).
     */
    static TvarrApplication start(TvarrConfig config, PrintStream console) {
        AtomicInteger listening = new AtomicInteger(config.http().port());
        Tvarr core = config.core()
                .baseUrl(new BaseUrl(config.baseUrl(), config.http().host(), listening::get))
                .scheduler(true)
                .build();
        try {
            TvarrMetrics metrics =
                    config.metrics() ? new TvarrMetrics(core, core.parts().clock, core.parts().cron) : null;
            List<ApiRoutes> routes = new ArrayList<>(routes(core, config.http(), config.auth()));
            if (metrics != null) {
                routes.add(new MetricsRoutes(metrics::scrape));
            }
            TvarrHttpServer server = new TvarrHttpServer(
                            config.http(), routes, metrics == null ? RequestObserver.NONE : metrics)
                    .start();
            listening.set(server.port());
            firstStart(core, config.auth(), server.port(), console);
            Versions versions = new Versions();
            log.info(
                    "tvarr started version={} port={} database={} instance={}",
                    versions.tvarr().version(),
                    server.port(),
                    core.parts().store.vendor(),
                    core.instance());
            HdHomeRunDiscovery discovery = discovery(config, core);
            return new TvarrApplication(
                    core, server, discovery, ssdp(config, core, versions.tvarr().version()));
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    private static List<ApiRoutes> routes(Tvarr core, HttpSettings http, TvarrConfig.AuthSettings auth) {
        Assembly parts = core.parts();
        Versions versions = new Versions();
        ClientAddresses clients = new ClientAddresses(http.trustedProxies());
        AdminAccess admin = new AdminAccess(
                core.adminLogins(),
                core.adminSessions(),
                core.apiKeyAuthentication(),
                core.apiKeys(),
                core.adminUsers(),
                core.adminSetup(),
                core.auditTrail(),
                clients);
        Duration lifetime = auth.admin().sessionLifetime();
        OutputAccessCheck access = new OutputAccessCheck(core.outputGate(), clients);
        return List.of(
                // first: every request passes the gate before any route
                new AdminGate(admin, auth.disabled()),
                new AuthRoutes(admin, lifetime),
                new LoginPages(admin, parts.admin.tokens, lifetime),
                new SystemRoutes(
                        core::health, versions.tvarr(), new ApiDocumentation(versions.tvarr(), versions.swaggerUi())),
                new FilterRoutes(core.filters(), core.mappingRules(), core.expressions(), core.expressionPreview()),
                new SourceRoutes(core.sources(), core.sourceIngestion(), core.channels()),
                // after SourceRoutes: /api/v1/channels/groups is matched before /api/v1/channels/{id}
                new ChannelDetailRoutes(core.channelDetails()),
                new XtreamTestRoutes(core.xtreamAccountTest()),
                new PlaylistUploadRoutes(core.playlistUploads(), core.sourceIngestion()),
                new GuideUploadRoutes(core.guideUploads(), core.guideIngestion()),
                new EpgRoutes(core.guides(), core.guideIngestion(), core.programmes(), parts.clock),
                new ProxyRoutes(core.proxies(), core.generation(), core.outputUsers(), core.outputAccess()),
                new OutputAccessRoutes(core.proxies(), core.outputAccess()),
                new ChannelOverrideRoutes(core.proxies(), core.channelOverrides()),
                new ManualChannelRoutes(core.proxies(), core.manualChannels()),
                new FailoverRoutes(core.failover()),
                new GuideMatchRoutes(core.proxies(), core.guideMatches(), core.guidePins(), core.guideMatching()),
                new StreamHealthRoutes(core.streamHealth(), core.streamCheck(), core.streamChecks()),
                new OutputUserRoutes(core.proxies(), core.outputUsers()),
                new ConfigRoutes(core.configExport(), core.configApply()),
                new OutputRoutes(core.generation(), core.play(), access),
                new HdHomeRunRoutes(core.tuners(), core.tunerStatus(), core.lineups(), access),
                new RelayRoutes(core.relay(), core.relaySessions(), core.ffmpeg(), core.instance()),
                new RelayProfileRoutes(core.relayProfiles()),
                new LogoRoutes(core.cachedLogos(), core.logoUploads(), core.logoCleanup(), access),
                new LogoCatalogueRoutes(core.logoCatalogue(), core.logoRemoval()),
                new JobRoutes(core.jobs()),
                new WarningRoutes(core.warnings()),
                new ConfigInEffectRoutes(core.configuration()),
                new JobEventStream(core.jobEvents()),
                new WebRoutes(new WebUseCases(
                        core.sources(),
                        core.sourceIngestion(),
                        core.guides(),
                        core.guideIngestion(),
                        core.proxies(),
                        core.generation(),
                        core.outputAccess(),
                        core.filters(),
                        core.expressions(),
                        core.expressionPreview(),
                        core.mappingRules(),
                        core.channels(),
                        core.jobs(),
                        core.relay(),
                        core.channelDetails(),
                        core.relayProfiles(),
                        core.ffmpeg(),
                        core::health,
                        versions.tvarr(),
                        core.warnings(),
                        core.xtreamLineups(),
                        core.xtreamGuides(),
                        parts.clock,
                        core.xtreamAccountTest(),
                        core.configuration(),
                        core.streamHealth(),
                        core.streamChecks(),
                        core.playlistUploads(),
                        core.guideUploads())),
                new OverridePages(core.proxies(), core.channelOverrides()),
                new LogoPages(core.logoCatalogue(), core.logoRemoval()),
                new ManualChannelPages(core.proxies(), core.manualChannels()),
                new GuideMatchPages(new GuideMatchUseCases(
                        core.proxies(),
                        core.generation(),
                        core.guideMatches(),
                        core.guidePins(),
                        core.guideMatching())),
                new FailoverPages(core.proxies(), core.failover(), core.channels(), core.channelDetails()),
                new PlayerPages(core.proxies(), core.outputUsers(), core.outputAccess()),
                new XtreamRoutes(
                        new XtreamRoutes.UseCases(
                                core.xtreamLogins(),
                                core.xtreamPlayer(),
                                core.xtreamLineups(),
                                core.xtreamGuides(),
                                core.generation(),
                                core.xtreamVod(),
                                core.xtreamVodPlayer(),
                                core.xtreamTimeshift()),
                        access,
                        parts.clock));
    }

    /**
     * Makes sure someone can log in: the configured password makes the first admin user; without one, a one-time
     * setup link is printed. Turning authentication off is said loudly, since anyone on the network then has the keys.
     */
    private static void firstStart(Tvarr core, TvarrConfig.AuthSettings auth, int port, PrintStream console) {
        if (auth.disabled()) {
            log.warn(
                    "authentication is DISABLED (auth.disabled=true): anyone who can reach port {} can read and change"
                            + " every setting and use the providers' connections; turn it off only behind your own access control",
                    port);
        }
        if (!core.parts().store.readiness().ready()) {
            log.warn("admin setup waits for the schema: run 'tvarr migrate', then start tvarr again");
            return;
        }
        SetupState state = core.adminSetup().start(auth.adminUsername(), auth.adminPassword());
        if (state instanceof SetupState.CreatedFromPassword created) {
            log.info("admin user created from admin.password username={}", created.username());
        } else if (state instanceof SetupState.AwaitingSetup awaiting && !auth.disabled()) {
            log.warn("no admin user yet: open the one-time setup link printed on the console (or run 'tvarr user"
                    + " add', or set TVARR_ADMIN_PASSWORD)");
            console.println();
            console.println("  tvarr has no admin user yet. Create one at:");
            console.println("  " + core.parts().baseUrl.get() + "/setup?token=" + awaiting.token());
            console.println();
            console.flush();
        }
    }

    /**
     * HDHomeRun discovery on its UDP port, unless turned off; a port another program holds (a real tuner's software,
     * a second tvarr) leaves tvarr serving without it, since devices can still be added by address.
     */
    private static @Nullable HdHomeRunDiscovery discovery(TvarrConfig config, Tvarr core) {
        if (config.discoveryPort() == 0) {
            return null;
        }
        try {
            return HdHomeRunDiscovery.start(
                    new InetSocketAddress(config.http().host(), config.discoveryPort()), core.tuners());
        } catch (UncheckedIOException e) {
            log.warn("hdhomerun discovery not started port={} reason={}", config.discoveryPort(), e.getMessage());
            return null;
        }
    }

    /**
     * SSDP for the tuner devices, unless turned off; a port that cannot be bound (no permission, another program
     * without port sharing) leaves tvarr serving without it, since devices can still be added by address.
     */
    private static @Nullable SsdpResponder ssdp(TvarrConfig config, Tvarr core, String version) {
        if (config.ssdpPort() == 0) {
            return null;
        }
        try {
            return SsdpResponder.start(
                    new InetSocketAddress(config.http().host(), config.ssdpPort()), core.tuners(), version);
        } catch (UncheckedIOException e) {
            log.warn("ssdp responder not started port={} reason={}", config.ssdpPort(), e.getMessage());
            return null;
        }
    }

    /** The UDP port SSDP answers on, or 0 when it is off or could not start. */
    public int ssdpPort() {
        return ssdp == null ? 0 : ssdp.port();
    }

    /** The UDP port HDHomeRun discovery answers on, or 0 when it is off or could not start. */
    public int discoveryPort() {
        return discovery == null ? 0 : discovery.port();
    }

    public int port() {
        return server.port();
    }

    /** The core behind the server, for tests in this package. */
    Tvarr core() {
        return core;
    }

    /** Stops scheduling, finishes in-flight requests, interrupts running jobs (recovered at next start), closes the pool. */
    @Override
    public void close() {
        if (discovery != null) {
            discovery.close();
        }
        if (ssdp != null) {
            ssdp.close();
        }
        server.close();
        core.close();
        log.info("tvarr stopped");
    }
}
