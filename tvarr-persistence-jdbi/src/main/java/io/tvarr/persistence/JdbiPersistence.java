package io.tvarr.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.port.out.OutputUserRepository;
import io.tvarr.domain.admin.port.out.AdminSessionRepository;
import io.tvarr.domain.admin.port.out.AdminUserRepository;
import io.tvarr.domain.admin.port.out.ApiKeyRepository;
import io.tvarr.domain.admin.port.out.AuditRepository;
import io.tvarr.domain.backup.port.out.StoreSnapshots;
import io.tvarr.domain.channel.port.out.ChannelKeyRepository;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.config.port.out.Transactions;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.filter.port.out.FilterRepository;
import io.tvarr.domain.health.port.out.StreamHealthRepository;
import io.tvarr.domain.ingestion.port.out.IngestionStatusRepository;
import io.tvarr.domain.job.port.out.JobRepository;
import io.tvarr.domain.logo.port.out.LogoAssetRepository;
import io.tvarr.domain.logo.port.out.LogoFailureRepository;
import io.tvarr.domain.logo.port.out.LogoFileRepository;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.output.port.out.OutputAccessRepository;
import io.tvarr.domain.proxy.port.out.ChannelOverrideRepository;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import io.tvarr.domain.proxy.port.out.PublishedOutputRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.relay.port.out.ConnectionLeaseRepository;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import io.tvarr.domain.vod.port.out.VodRepository;
import io.tvarr.persistence.account.JdbiOutputUserRepository;
import io.tvarr.persistence.admin.JdbiAdminSessionRepository;
import io.tvarr.persistence.admin.JdbiAdminUserRepository;
import io.tvarr.persistence.admin.JdbiApiKeyRepository;
import io.tvarr.persistence.admin.JdbiAuditRepository;
import io.tvarr.persistence.backup.JdbcStoreSnapshots;
import io.tvarr.persistence.channel.JdbiChannelKeyRepository;
import io.tvarr.persistence.channel.JdbiChannelRepository;
import io.tvarr.persistence.epg.JdbiEpgRepository;
import io.tvarr.persistence.epg.JdbiEpgSourceRepository;
import io.tvarr.persistence.epg.ProgrammeBlocksMigration;
import io.tvarr.persistence.failover.JdbiProxyFailoverRepository;
import io.tvarr.persistence.filter.JdbiFilterRepository;
import io.tvarr.persistence.health.JdbiStreamHealthRepository;
import io.tvarr.persistence.ingestion.JdbiIngestionStatusRepository;
import io.tvarr.persistence.job.JdbiJobRepository;
import io.tvarr.persistence.logo.JdbiLogoAssetRepository;
import io.tvarr.persistence.logo.JdbiLogoFailureRepository;
import io.tvarr.persistence.logo.JdbiLogoFileRepository;
import io.tvarr.persistence.mapping.JdbiDataMappingRuleRepository;
import io.tvarr.persistence.output.JdbiOutputAccessRepository;
import io.tvarr.persistence.proxy.JdbiChannelOverrideRepository;
import io.tvarr.persistence.proxy.JdbiGuideMatchRepository;
import io.tvarr.persistence.proxy.JdbiManualChannelRepository;
import io.tvarr.persistence.proxy.JdbiPublishedOutputRepository;
import io.tvarr.persistence.proxy.JdbiStreamProxyRepository;
import io.tvarr.persistence.relay.JdbiConnectionLeaseRepository;
import io.tvarr.persistence.relay.JdbiLastKnownCodecRepository;
import io.tvarr.persistence.relay.JdbiRelayProfileRepository;
import io.tvarr.persistence.source.JdbiStreamSourceRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JdbiTransactions;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.Vendor;
import io.tvarr.persistence.sql.WalCheckpoints;
import io.tvarr.persistence.vod.JdbiVodRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter as one object: a connection pool, migrations and every repository. Thread-safe;
 * the owner closes it, which closes the pool.
 */
public final class JdbiPersistence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JdbiPersistence.class);

    private final DataSource dataSource;
    private final @Nullable HikariDataSource pool;
    private final Database db;
    /** Bulk writes' WAL checkpoints, off the committing thread; closed before the pool. */
    private final WalCheckpoints checkpoints;
    /** A new database file that {@link #migrate} may start from the build's template; none for attached pools. */
    private final Optional<Path> newSqliteFile;
    /** Built when first needed: a start that finds the schema current ({@link BundledSchema}) never needs it. */
    private @Nullable Flyway flyway;

    private final JsonColumns json = new JsonColumns();
    /**
     * Set once this process has seen the schema with nothing pending (it migrated, or found it current): the
     * migrations it carries cannot change while it runs, so later readiness checks skip Flyway's scan of the
     * classpath and its history table, which cost every {@code /readyz} and every start tens of milliseconds.
     */
    private volatile boolean schemaCurrent;

    private JdbiPersistence(
            DataSource dataSource,
            @Nullable HikariDataSource pool,
            Vendor vendor,
            DatabaseSettings settings,
            WalCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.pool = pool;
        this.checkpoints = checkpoints;
        this.newSqliteFile = pool == null ? Optional.empty() : sqliteFile(settings.url());
        this.db = new Database(
                Jdbi.create(dataSource),
                vendor,
                settings.channelBatchSize(),
                settings.programmeBatchSize(),
                settings.fetchSize(),
                checkpoints);
    }

    /** The migrations written in Java, beside the SQL scripts of {@code db/migration}. */
    static JavaMigration[] javaMigrations(Vendor vendor) {
        return new JavaMigration[] {new ProgrammeBlocksMigration(vendor)};
    }

    /** The versions of {@link #javaMigrations}, as Flyway's history records them. */
    static Set<String> javaMigrationVersions(Vendor vendor) {
        return Arrays.stream(javaMigrations(vendor))
                .map(migration -> migration.getVersion().getVersion())
                .collect(Collectors.toSet());
    }

    private synchronized Flyway flyway() {
        if (flyway == null) {
            flyway = Flyway.configure()
                    // through SLF4J like the rest of tvarr, so an embedder without a binding hears nothing from it
                    .loggers("slf4j")
                    .dataSource(dataSource)
                    .locations(
                            "classpath:db/migration/common",
                            "classpath:db/migration/" + db.vendor().folder())
                    .javaMigrations(javaMigrations(db.vendor()))
                    .failOnMissingLocations(true)
                    .load();
        }
        return flyway;
    }

    /** Opens the pool; connects lazily and does not migrate. */
    public static JdbiPersistence open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /** {@link #open(DatabaseSettings)} with the bulk writes' WAL checkpoints run where tests tell. */
    static JdbiPersistence open(DatabaseSettings settings, @Nullable Executor checkpoints) {
        Vendor vendor = Vendor.of(settings.url());
        HikariConfig config = new HikariConfig();
        config.setPoolName("tvarr-" + vendor.folder());
        config.setDriverClassName(vendor.driverClass());
        config.setJdbcUrl(vendor.driverUrl(settings.url()));
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        // Start without a connection so a server that is down does not stop tvarr from starting; /readyz tells.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        if (vendor == Vendor.SQLITE) {
            prepareSqlite(settings, config);
        }
        if (vendor == Vendor.MYSQL) {
            // PostgreSQL's default, which tvarr's writes are made for; InnoDB's REPEATABLE READ adds gap locks on
            // which two sources' channel stores deadlocked (Database.inTransaction sets it for attached pools)
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        log.info("database opened vendor={} url={}", vendor.folder(), Redaction.redactUrl(settings.url()));
        HikariDataSource pool = new HikariDataSource(config);
        return new JdbiPersistence(
                pool,
                pool,
                vendor,
                settings,
                checkpoints == null ? WalCheckpoints.background() : WalCheckpoints.on(checkpoints));
    }

    /**
     * Uses a pool the caller owns: connections are borrowed from it, and {@link #close()} leaves it open. The
     * vendor is read from a connection's metadata; batch and fetch sizes are the defaults. SQLite settings such as
     * WAL mode are the caller's to make.
     */
    public static JdbiPersistence attach(DataSource dataSource) {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new StorageException("data source: cannot connect (" + e.getMessage() + ")", e);
        }
        if (url == null) {
            throw new ValidationException("data source: the driver does not tell its JDBC URL");
        }
        Vendor vendor = Vendor.of(url);
        log.info("database attached vendor={} url={}", vendor.folder(), Redaction.redactUrl(url));
        return new JdbiPersistence(dataSource, null, vendor, DatabaseSettings.of(url), WalCheckpoints.background());
    }

    /** The file of a plain {@code jdbc:sqlite:FILE} URL; empty for memory, {@code file:} URIs and other vendors. */
    private static Optional<Path> sqliteFile(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        return file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")
                ? Optional.empty()
                : Optional.of(Path.of(file));
    }

    private static void prepareSqlite(DatabaseSettings settings, HikariConfig config) {
        Optional<Path> file = sqliteFile(settings.url());
        if (file.isPresent()) {
            Path parent = file.get().toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StorageException("database.url: cannot create directory " + parent, e);
            }
        }
        // WAL lets readers run beside the one writer; IMMEDIATE transactions take the write lock up front so
        // two writers queue on busy_timeout instead of failing with SQLITE_BUSY mid-transaction.
        // Connections are opened when asked for: a pool filling itself in the background created a new file before
        // migrate() could start it as the template, and Flyway then ran every migration (#19). An SQLite connection
        // is a file open, so there is nothing to gain from keeping idle ones ready.
        config.setMinimumIdle(0);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty(
                "busy_timeout", Long.toString(settings.busyTimeout().toMillis()));
        // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file. A throwaway
        // database skips the syncs altogether (a 100k-channel store waited on them at its commit and checkpoint).
        config.addDataSourceProperty("synchronous", settings.durable() ? "NORMAL" : "OFF");
        config.addDataSourceProperty("cache_size", "-32768");
        config.addDataSourceProperty("temp_store", "MEMORY");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }

    /**
     * Applies pending migrations. A database whose history already holds exactly the migrations of this build is
     * left alone without starting Flyway; any difference (or a build without the list of its migrations) is Flyway's
     * to handle.
     */
    public void migrate() {
        // only a migration may give a new database its schema: with database.migrate_on_start off it stays empty
        // (and /readyz says migrations are pending) until the admin migrates
        newSqliteFile.ifPresent(file -> SqliteTemplate.copyIfNew(file, JdbiPersistence.class.getClassLoader()));
        var bundled = BundledSchema.of(
                db.vendor(), JdbiPersistence.class.getClassLoader(), javaMigrationVersions(db.vendor()));
        if (bundled.isPresent() && bundled.get().isAppliedIn(dataSource)) {
            schemaCurrent = true;
            log.info(
                    "database migrated vendor={} applied=0 version={}",
                    db.vendor().folder(),
                    bundled.get().latestVersion());
            return;
        }
        try {
            var result = flyway().migrate();
            // Flyway names no target version when nothing was pending: then the schema's version is the initial one
            String version =
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            schemaCurrent = true;
            log.info(
                    "database migrated vendor={} applied={} version={}",
                    db.vendor().folder(),
                    result.migrationsExecuted,
                    version == null ? "none" : version);
        } catch (FlywayException e) {
            throw new StorageException("database migration failed: " + e.getMessage(), e);
        }
    }

    /** Whether the database answers and has no pending migration. Never throws. */
    public Readiness readiness() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(5)) {
                return new Readiness(false, false, "database did not answer");
            }
        } catch (SQLException | RuntimeException e) {
            // /readyz is open to anyone: a driver may name the URL, password and all
            return new Readiness(
                    false, false, "database unreachable: " + Redaction.redactUrl(String.valueOf(e.getMessage())));
        }
        if (schemaCurrent) {
            return new Readiness(true, true, "ok");
        }
        try {
            MigrationInfo[] pending = flyway().info().pending();
            schemaCurrent = pending.length == 0;
            return pending.length == 0
                    ? new Readiness(true, true, "ok")
                    : new Readiness(true, false, pending.length + " migration(s) pending");
        } catch (FlywayException e) {
            return new Readiness(
                    true, false, "migration state unknown: " + Redaction.redactUrl(String.valueOf(e.getMessage())));
        }
    }

    /** For tests in this package that need raw SQL. */
    Database database() {
        return db;
    }

    public String vendor() {
        return db.vendor().folder();
    }

    public StreamSourceRepository streamSources() {
        return new JdbiStreamSourceRepository(db);
    }

    public ChannelRepository channels() {
        return new JdbiChannelRepository(db, json);
    }

    public EpgSourceRepository epgSources() {
        return new JdbiEpgSourceRepository(db);
    }

    public EpgRepository epg() {
        return new JdbiEpgRepository(db, json);
    }

    public FilterRepository filters() {
        return new JdbiFilterRepository(db);
    }

    public DataMappingRuleRepository mappingRules() {
        return new JdbiDataMappingRuleRepository(db);
    }

    public StreamProxyRepository proxies() {
        return new JdbiStreamProxyRepository(db);
    }

    public RelayProfileRepository relayProfiles() {
        return new JdbiRelayProfileRepository(db, json);
    }

    public StreamHealthRepository streamHealth() {
        return new JdbiStreamHealthRepository(db);
    }

    public LastKnownCodecRepository lastKnownCodecs() {
        return new JdbiLastKnownCodecRepository(db);
    }

    public LogoAssetRepository logos() {
        return new JdbiLogoAssetRepository(db);
    }

    /** The cached logos' bytes, for instances that share them through this store. */
    public LogoFileRepository logoFiles() {
        return new JdbiLogoFileRepository(db);
    }

    public LogoFailureRepository logoFailures() {
        return new JdbiLogoFailureRepository(db);
    }

    public IngestionStatusRepository ingestionStatus() {
        return new JdbiIngestionStatusRepository(db, json);
    }

    public VodRepository vod() {
        return new JdbiVodRepository(db);
    }

    public OutputUserRepository outputUsers() {
        return new JdbiOutputUserRepository(db);
    }

    /** Units of work spanning every repository of this store. */
    public Transactions transactions() {
        return new JdbiTransactions(db);
    }

    public GuideMatchRepository guideMatching() {
        return new JdbiGuideMatchRepository(db);
    }

    /** Every proxy's published outputs, for instances that share them through this store. */
    public PublishedOutputRepository publishedOutputs() {
        return new JdbiPublishedOutputRepository(db);
    }

    public OutputAccessRepository outputAccess() {
        return new JdbiOutputAccessRepository(db);
    }

    public ChannelOverrideRepository channelOverrides() {
        return new JdbiChannelOverrideRepository(db);
    }

    /** The keys of channels hand-listed alternates name (V27). */
    public ChannelKeyRepository channelKeys() {
        return new JdbiChannelKeyRepository(db);
    }

    public ManualChannelRepository manualChannels() {
        return new JdbiManualChannelRepository(db);
    }

    public ProxyFailoverRepository failover() {
        return new JdbiProxyFailoverRepository(db);
    }

    /** Provider connections leased across the instances sharing this database. */
    public ConnectionLeaseRepository connectionLeases() {
        return new JdbiConnectionLeaseRepository(db);
    }

    public JobRepository jobs() {
        return new JdbiJobRepository(db, json);
    }

    public AdminUserRepository adminUsers() {
        return new JdbiAdminUserRepository(db);
    }

    public ApiKeyRepository apiKeys() {
        return new JdbiApiKeyRepository(db);
    }

    public AdminSessionRepository adminSessions() {
        return new JdbiAdminSessionRepository(db);
    }

    /** The whole store as rows, for backups and restores. */
    public StoreSnapshots snapshots() {
        return new JdbcStoreSnapshots(dataSource, db.vendor(), this::flyway);
    }

    public AuditRepository audit() {
        return new JdbiAuditRepository(db);
    }

    @Override
    public void close() {
        checkpoints.close();
        if (pool != null) {
            pool.close();
        }
    }
}
