package io.tvarr.app;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.admin.AdminSettings;
import io.tvarr.domain.config.port.out.SecretVariables;
import io.tvarr.domain.ingestion.DropLimit;
import io.tvarr.domain.logo.LogoSettings;
import io.tvarr.domain.proxy.TunerSettings;
import io.tvarr.domain.source.service.SourceFiles;
import io.tvarr.domain.system.ConfigSetting;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.relay.RelaySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link Tvarr} core, each with a default, and {@link #build()}. Nothing is opened or started before
 * {@code build()}; the builder may be reused. Not thread-safe.
 */
public final class TvarrBuilder {
    Path dataDir = Path.of("data");

    @Nullable
    Path outputDirectory;

    boolean servingFiles = true;

    @Nullable
    DatabaseSettings database;

    @Nullable
    DataSource dataSource;

    boolean migrate = true;
    Clock clock = SystemClock.utc();

    @Nullable
    Path ffmpeg;

    Supplier<String> baseUrl = () -> "http://localhost:8080";
    final List<Path> allowedSourceDirs = new ArrayList<>();
    String userAgent = "tvarr/0.1";
    long maxUploadBytes = SourceFiles.DEFAULT_MAX_BYTES;
    DropLimit dropLimit = DropLimit.DEFAULT;
    Duration generationWait = Duration.ofMinutes(5);
    LogoSettings logos = LogoSettings.DEFAULT;
    RelaySettings relay = RelaySettings.DEFAULT;
    JobSettings jobs = JobSettings.DEFAULT;
    InstanceSettings instance = InstanceSettings.DEFAULT;
    Duration schedulerTick = Duration.ofSeconds(30);
    TunerSettings tuners = TunerSettings.DEFAULT;
    Duration xtreamRedirectLease = Duration.ofHours(2);
    AdminSettings admin = AdminSettings.DEFAULT;
    List<ConfigSetting> configuration = List.of();
    boolean scheduler;
    /** Where {@code ${ENV_NAME}} references of applied configuration documents are looked up. */
    SecretVariables secrets = name -> Optional.ofNullable(System.getenv(name));

    TvarrBuilder() {}

    /** Where published outputs, cached logos and (by default) the SQLite database live. Default {@code ./data}. */
    public TvarrBuilder dataDir(Path directory) {
        this.dataDir = Checks.requireNonNull(directory, "data_dir");
        return this;
    }

    /**
     * Where generated playlists, guides and lineups are published, in a directory per proxy. Default {@code
     * <dataDir>/proxies}.
     */
    public TvarrBuilder outputDirectory(Path directory) {
        this.outputDirectory = Checks.requireNonNull(directory, "output_directory");
        return this;
    }

    /**
     * Generations publish the playlist and guide alone, none of the files serving reads (tuner and Xtream lineups,
     * guide match explanations, merged channels): for a core that serves nothing, such as {@code tvarr generate}.
     */
    public TvarrBuilder playlistAndGuideOnly() {
        this.servingFiles = false;
        return this;
    }

    /** The database by JDBC URL (SQLite, PostgreSQL, MariaDB/MySQL) with default pool settings. */
    public TvarrBuilder database(String jdbcUrl) {
        return database(DatabaseSettings.of(jdbcUrl));
    }

    /** The database with its pool and batch settings. Default: SQLite at {@code <dataDir>/tvarr.db}. */
    public TvarrBuilder database(DatabaseSettings settings) {
        this.database = Checks.requireNonNull(settings, "database");
        this.dataSource = null;
        return this;
    }

    /**
     * A database the embedder already pools. tvarr borrows connections from it and never closes it; the vendor is
     * read from the connection's metadata.
     */
    public TvarrBuilder dataSource(DataSource source) {
        this.dataSource = Checks.requireNonNull(source, "data_source");
        this.database = null;
        return this;
    }

    /** Whether {@code build()} applies pending migrations (default true). */
    public TvarrBuilder migrate(boolean migrate) {
        this.migrate = migrate;
        return this;
    }

    /** The clock every rule reads time from (default: the system's UTC clock). */
    public TvarrBuilder clock(Clock clock) {
        this.clock = Checks.requireNonNull(clock, "clock");
        return this;
    }

    /** The FFmpeg binary for transcoding; default: {@code ffmpeg} on {@code PATH}, else the embedded one. */
    public TvarrBuilder ffmpeg(@Nullable Path binary) {
        this.ffmpeg = binary;
        return this;
    }

    /** The URL players reach tvarr at, written into playlists (default {@code http://localhost:8080}). */
    public TvarrBuilder baseUrl(String url) {
        String checked = Checks.requireText(url, "base_url").replaceAll("/+$", "");
        this.baseUrl = () -> checked;
        return this;
    }

    TvarrBuilder baseUrl(Supplier<String> url) {
        this.baseUrl = url;
        return this;
    }

    /** A directory {@code file:} sources may be read from; none by default, so sources are URLs only. */
    public TvarrBuilder allowSourceDirectory(Path directory) {
        allowedSourceDirs.add(
                Checks.requireNonNull(directory, "allowed_dir").toAbsolutePath().normalize());
        return this;
    }

    /**
     * The largest playlist or guide file accepted as an upload, in bytes (default 1 GiB). Uploads are kept under
     * {@code <dataDir>/uploads}, which {@code file:} sources may always read.
     */
    public TvarrBuilder maxUploadBytes(long bytes) {
        if (bytes < 1) {
            throw new ValidationException("sources.max_upload_bytes: " + bytes + " (expected: 1 or more)");
        }
        this.maxUploadBytes = bytes;
        return this;
    }

    /** The User-Agent sent to providers unless a source sets its own. */
    public TvarrBuilder userAgent(String agent) {
        this.userAgent = Checks.requireText(agent, "user_agent");
        return this;
    }

    /**
     * The largest share (0-100) of a source's channels or programmes one refresh may drop unasked (default 50). A
     * bigger drop, or a refresh yielding nothing, keeps the previous data and ends as needing confirmation; ingesting
     * with {@code IngestMode.ACCEPT_DROP} applies it.
     */
    public TvarrBuilder maxDropPercent(int percent) {
        this.dropLimit = new DropLimit(percent);
        return this;
    }

    /** How long a generation waits for a running ingestion of one of its inputs (default 5 minutes). */
    public TvarrBuilder generationWait(Duration wait) {
        this.generationWait = Checks.requireNonNull(wait, "generation_wait");
        return this;
    }

    /** How proxies appear as HDHomeRun tuners: the default device of the bare paths, the unlimited tuner count. */
    public TvarrBuilder tuners(TunerSettings settings) {
        this.tuners = Checks.requireNonNull(settings, "hdhomerun");
        return this;
    }

    /**
     * How long a redirect on the Xtream door holds one of its user's connections (default 2 hours): tvarr never sees
     * a redirected player stop, so each player's redirect is a lease its next request renews. Zero leaves redirects
     * outside users' limits.
     */
    public TvarrBuilder xtreamRedirectLease(Duration lease) {
        Checks.requireNonNull(lease, "xtream.redirect_lease");
        if (lease.isNegative()) {
            throw new ValidationException("xtream.redirect_lease: " + lease + " (expected: zero or more)");
        }
        this.xtreamRedirectLease = lease;
        return this;
    }

    /** How long admin sessions last, how hard password guessing is held off, how long the audit trail is kept. */
    public TvarrBuilder admin(AdminSettings settings) {
        this.admin = Checks.requireNonNull(settings, "auth");
        return this;
    }

    /**
     * Where the {@code ${ENV_NAME}} references of an applied configuration document get their values; the process
     * environment by default.
     */
    public TvarrBuilder secretVariables(SecretVariables variables) {
        this.secrets = Checks.requireNonNull(variables, "secret_variables");
        return this;
    }

    public TvarrBuilder logos(LogoSettings settings) {
        this.logos = Checks.requireNonNull(settings, "logos");
        return this;
    }

    public TvarrBuilder relay(RelaySettings settings) {
        this.relay = Checks.requireNonNull(settings, "relay");
        return this;
    }

    public TvarrBuilder jobs(JobSettings settings) {
        this.jobs = Checks.requireNonNull(settings, "jobs");
        return this;
    }

    /** How this instance is named and holds its jobs among others on a shared PostgreSQL or MariaDB database. */
    public TvarrBuilder instance(InstanceSettings settings) {
        this.instance = Checks.requireNonNull(settings, "instance");
        return this;
    }

    /** How often the scheduler looks for runs that are due. Default 30 seconds. */
    public TvarrBuilder schedulerTick(Duration every) {
        Checks.requireNonNull(every, "scheduler_tick");
        if (every.isNegative() || every.isZero()) {
            throw new io.tvarr.domain.ValidationException("scheduler_tick: " + every + " (expected: more than zero)");
        }
        this.schedulerTick = every;
        return this;
    }

    /**
     * The configuration the server was started with, as {@link Tvarr#configuration()} shows it; the settings are
     * masked already ({@link ConfigSetting#of}). Default none: a core built from code has no configuration file.
     */
    public TvarrBuilder configuration(List<ConfigSetting> settings) {
        this.configuration = List.copyOf(Checks.requireNonNull(settings, "configuration"));
        return this;
    }

    /**
     * Whether tvarr acts on its own (default false for an embedder, true for the server): sources, guides and
     * proxies refresh on their schedules, a refreshed input regenerates the proxies that use it, and the daily
     * cleanups run. Jobs submitted through {@link Tvarr#jobs()} run either way.
     */
    public TvarrBuilder scheduler(boolean on) {
        this.scheduler = on;
        return this;
    }

    /** Opens the store (migrating it unless told not to) and assembles the core; nothing listens on a port. */
    public Tvarr build() {
        return Tvarr.assemble(this);
    }
}
