package io.tvarr.app;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.admin.AdminSettings;
import io.tvarr.domain.logo.LogoSettings;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.proxy.TunerSettings;
import io.tvarr.domain.system.ConfigSetting;
import io.tvarr.http.HttpSettings;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.relay.RelaySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The validated configuration. Built from raw string values keyed by {@link ConfigKey}; every failure names the
 * key and the reason.
 */
public record TvarrConfig(
        HttpSettings http,
        String baseUrl,
        Path dataDir,
        DatabaseSettings database,
        boolean migrateOnStart,
        List<Path> allowedSourceDirs,
        long maxUploadBytes,
        String userAgent,
        int maxDropPercent,
        Duration generationWait,
        LogoSettings logos,
        JobSettings jobs,
        Duration schedulerTick,
        InstanceSettings instance,
        RelaySettings relay,
        @Nullable Path ffmpegPath,
        TunerSettings tuners,
        int discoveryPort,
        int ssdpPort,
        Duration redirectLease,
        AuthSettings auth,
        boolean metrics,
        LogSettings log,
        List<ConfigSetting> inEffect) {

    /**
     * Who may administer tvarr.
     *
     * @param disabled no login at all: for embedders and trusted networks, logged loudly at start
     * @param adminUsername the admin user made at first start
     * @param adminPassword that user's password; null: a one-time setup link is printed instead
     */
    public record AuthSettings(
            boolean disabled,
            AdminSettings admin,
            String adminUsername,
            @Nullable String adminPassword) {
        @Override
        public String toString() {
            return "AuthSettings[disabled=" + disabled + ", admin=" + admin + ", adminUsername=" + adminUsername
                    + ", adminPassword=" + (adminPassword == null ? "none" : "***") + "]";
        }
    }

    /** Log output settings. */
    public record LogSettings(String format, String level) {}

    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    /** The core these settings describe, not built yet; the server adds its own parts (HTTP, logging). */
    public TvarrBuilder core() {
        TvarrBuilder core = Tvarr.builder()
                .dataDir(dataDir)
                .database(database)
                .migrate(migrateOnStart)
                .ffmpeg(ffmpegPath)
                .userAgent(userAgent)
                .maxUploadBytes(maxUploadBytes)
                .maxDropPercent(maxDropPercent)
                .generationWait(generationWait)
                .logos(logos)
                .relay(relay)
                .jobs(jobs)
                .schedulerTick(schedulerTick)
                .instance(instance)
                .tuners(tuners)
                .xtreamRedirectLease(redirectLease)
                .admin(auth.admin())
                .configuration(inEffect);
        allowedSourceDirs.forEach(core::allowSourceDirectory);
        return core;
    }

    private static List<CidrRange> trustedProxies(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(range -> CidrRange.parse(range, ConfigKey.SERVER_TRUSTED_PROXIES.key()))
                .toList();
    }

    static TvarrConfig from(Map<ConfigKey, String> values) {
        Path dataDir = Path.of(text(values, ConfigKey.DATA_DIR));
        String url = values.get(ConfigKey.DATABASE_URL);
        if (url == null || url.isBlank()) {
            url = "jdbc:sqlite:" + dataDir.resolve("tvarr.db");
        }
        List<String> origins = Arrays.stream(
                        values.get(ConfigKey.SERVER_CORS_ORIGINS).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        HttpSettings http = new HttpSettings(
                text(values, ConfigKey.SERVER_HOST),
                integer(values, ConfigKey.SERVER_PORT),
                origins,
                bool(values, ConfigKey.SERVER_ACCESS_LOG),
                trustedProxies(values.get(ConfigKey.SERVER_TRUSTED_PROXIES)),
                positiveLong(values, ConfigKey.SOURCES_MAX_UPLOAD_BYTES));
        DatabaseSettings database = new DatabaseSettings(
                url,
                values.get(ConfigKey.DATABASE_USERNAME),
                values.get(ConfigKey.DATABASE_PASSWORD),
                integer(values, ConfigKey.DATABASE_MAX_POOL_SIZE),
                integer(values, ConfigKey.DATABASE_CHANNEL_BATCH_SIZE),
                integer(values, ConfigKey.DATABASE_PROGRAMME_BATCH_SIZE),
                integer(values, ConfigKey.DATABASE_FETCH_SIZE));
        io.tvarr.persistence.sql.Vendor.of(url);
        String format = text(values, ConfigKey.LOG_FORMAT).toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw invalid(ConfigKey.LOG_FORMAT, format, "text or json");
        }
        String level = text(values, ConfigKey.LOG_LEVEL).toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw invalid(ConfigKey.LOG_LEVEL, level, "one of TRACE, DEBUG, INFO, WARN, ERROR");
        }
        String baseUrl = values.get(ConfigKey.SERVER_BASE_URL).strip();
        if (!baseUrl.isEmpty() && !baseUrl.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            throw invalid(ConfigKey.SERVER_BASE_URL, baseUrl, "an http or https URL");
        }
        List<Path> allowed = Arrays.stream(
                        values.get(ConfigKey.SOURCES_ALLOWED_DIRS).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
        return new TvarrConfig(
                http,
                baseUrl.replaceAll("/+$", ""),
                dataDir,
                database,
                bool(values, ConfigKey.DATABASE_MIGRATE_ON_START),
                allowed,
                positiveLong(values, ConfigKey.SOURCES_MAX_UPLOAD_BYTES),
                text(values, ConfigKey.SOURCES_USER_AGENT),
                percent(values, ConfigKey.SOURCES_MAX_DROP_PERCENT),
                Duration.ofSeconds(nonNegative(values, ConfigKey.PROXIES_GENERATION_WAIT_SECONDS)),
                logos(values),
                jobs(values),
                schedulerTick(values),
                instance(values),
                relay(values),
                values.get(ConfigKey.RELAY_FFMPEG_PATH).isBlank()
                        ? null
                        : Path.of(values.get(ConfigKey.RELAY_FFMPEG_PATH).strip()),
                tuners(values),
                port(values, ConfigKey.HDHOMERUN_DISCOVERY_PORT),
                port(values, ConfigKey.HDHOMERUN_SSDP_PORT),
                Duration.ofMinutes(nonNegative(values, ConfigKey.XTREAM_REDIRECT_LEASE_MINUTES)),
                auth(values),
                bool(values, ConfigKey.METRICS_ENABLED),
                new LogSettings(format, level),
                inEffect(values));
    }

    /** Every key's value in effect, masked as it is made: the raw secrets stay in the settings that use them. */
    private static List<ConfigSetting> inEffect(Map<ConfigKey, String> values) {
        return Arrays.stream(ConfigKey.values())
                .map(key -> ConfigSetting.of(
                        key.key(),
                        Objects.requireNonNullElse(values.get(key), key.defaultValue()),
                        key.defaultValue(),
                        key.description(),
                        key.secret()))
                .toList();
    }

    private static String text(Map<ConfigKey, String> values, ConfigKey key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ValidationException(key.key() + ": must not be empty");
        }
        return value.strip();
    }

    private static AuthSettings auth(Map<ConfigKey, String> values) {
        int idle = integer(values, ConfigKey.AUTH_SESSION_IDLE_HOURS);
        if (idle < 1) {
            throw invalid(ConfigKey.AUTH_SESSION_IDLE_HOURS, String.valueOf(idle), "1 or more");
        }
        int lifetime = integer(values, ConfigKey.AUTH_SESSION_LIFETIME_DAYS);
        if (lifetime < 1) {
            throw invalid(ConfigKey.AUTH_SESSION_LIFETIME_DAYS, String.valueOf(lifetime), "1 or more");
        }
        AdminSettings d = AdminSettings.DEFAULT;
        AdminSettings admin = new AdminSettings(
                Duration.ofHours(idle),
                Duration.ofDays(lifetime),
                d.failuresPerUser(),
                d.failuresPerAddress(),
                d.throttleWindow(),
                d.auditRetention());
        String username = io.tvarr.domain.admin.AdminUser.requireUsername(text(values, ConfigKey.ADMIN_USERNAME));
        String password = values.get(ConfigKey.ADMIN_PASSWORD);
        if (password != null && !password.isEmpty()) {
            try {
                io.tvarr.domain.admin.AdminUser.requirePassword(password);
            } catch (ValidationException e) {
                throw new ValidationException(ConfigKey.ADMIN_PASSWORD.key() + ": " + e.getMessage(), e);
            }
        }
        return new AuthSettings(
                bool(values, ConfigKey.AUTH_DISABLED),
                admin,
                username,
                password == null || password.isEmpty() ? null : password);
    }

    private static int port(Map<ConfigKey, String> values, ConfigKey key) {
        int port = integer(values, key);
        if (port < 0 || port > 65535) {
            throw invalid(key, String.valueOf(port), "0-65535");
        }
        return port;
    }

    private static TunerSettings tuners(Map<ConfigKey, String> values) {
        int count = integer(values, ConfigKey.HDHOMERUN_TUNER_COUNT);
        if (count < 1 || count > 1_000) {
            throw invalid(ConfigKey.HDHOMERUN_TUNER_COUNT, String.valueOf(count), "1-1000");
        }
        return new TunerSettings(values.get(ConfigKey.HDHOMERUN_DEFAULT_PROXY), count);
    }

    private static LogoSettings logos(Map<ConfigKey, String> values) {
        try {
            return new LogoSettings(
                    integer(values, ConfigKey.LOGOS_CONCURRENCY),
                    integer(values, ConfigKey.LOGOS_MAX_BYTES),
                    Duration.ofHours(nonNegative(values, ConfigKey.LOGOS_REVALIDATE_HOURS)));
        } catch (ValidationException e) {
            throw new ValidationException(
                    e.getMessage().replace("logos.revalidate_after", "logos.revalidate_hours"), e);
        }
    }

    private static RelaySettings relay(Map<ConfigKey, String> values) {
        int stall = integer(values, ConfigKey.RELAY_STALL_TIMEOUT_SECONDS);
        if (stall < 1) {
            throw invalid(ConfigKey.RELAY_STALL_TIMEOUT_SECONDS, String.valueOf(stall), "1 or more");
        }
        RelaySettings d = RelaySettings.DEFAULT;
        int maxPerHost = nonNegative(values, ConfigKey.RELAY_MAX_PER_HOST);
        return new RelaySettings(
                d.bufferBytes(),
                d.joinBacklogBytes(),
                Duration.ofSeconds(nonNegative(values, ConfigKey.RELAY_GRACE_SECONDS)),
                d.connectTimeout(),
                Duration.ofSeconds(stall),
                Duration.ofSeconds(stall),
                maxPerHost,
                d.breakerFailures(),
                d.breakerCooldown());
    }

    private static JobSettings jobs(Map<ConfigKey, String> values) {
        int workers = integer(values, ConfigKey.JOBS_WORKERS);
        if (workers < 1 || workers > 64) {
            throw invalid(ConfigKey.JOBS_WORKERS, String.valueOf(workers), "1-64");
        }
        int history = integer(values, ConfigKey.JOBS_HISTORY_DAYS);
        if (history < 1) {
            throw invalid(ConfigKey.JOBS_HISTORY_DAYS, String.valueOf(history), "1 or more");
        }
        int delay = integer(values, ConfigKey.JOBS_RETRY_DELAY_SECONDS);
        if (delay < 1) {
            throw invalid(ConfigKey.JOBS_RETRY_DELAY_SECONDS, String.valueOf(delay), "1 or more");
        }
        return new JobSettings(
                workers,
                nonNegative(values, ConfigKey.JOBS_RETRIES),
                Duration.ofSeconds(delay),
                Duration.ofDays(history));
    }

    private static Duration schedulerTick(Map<ConfigKey, String> values) {
        int seconds = integer(values, ConfigKey.JOBS_SCHEDULER_TICK_SECONDS);
        if (seconds < 1 || seconds > 60) {
            throw invalid(ConfigKey.JOBS_SCHEDULER_TICK_SECONDS, String.valueOf(seconds), "1-60");
        }
        return Duration.ofSeconds(seconds);
    }

    private static InstanceSettings instance(Map<ConfigKey, String> values) {
        String id = values.get(ConfigKey.INSTANCE_ID).strip();
        int lease = integer(values, ConfigKey.INSTANCE_LEASE_SECONDS);
        if (lease < 10 || lease > 3600) {
            throw invalid(ConfigKey.INSTANCE_LEASE_SECONDS, String.valueOf(lease), "10-3600");
        }
        if (!id.isEmpty() && !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw invalid(ConfigKey.INSTANCE_ID, id, "1-64 letters, digits, dots, dashes or underscores");
        }
        // renewed four times a lease: a missed heartbeat or two never costs a job
        return new InstanceSettings(
                id.isEmpty() ? null : id,
                Duration.ofSeconds(lease),
                Duration.ofSeconds(lease).dividedBy(4));
    }

    private static int nonNegative(Map<ConfigKey, String> values, ConfigKey key) {
        int value = integer(values, key);
        if (value < 0) {
            throw invalid(key, String.valueOf(value), "zero or more");
        }
        return value;
    }

    private static int percent(Map<ConfigKey, String> values, ConfigKey key) {
        int value = integer(values, key);
        if (value < 0 || value > 100) {
            throw invalid(key, String.valueOf(value), "0-100");
        }
        return value;
    }

    private static int integer(Map<ConfigKey, String> values, ConfigKey key) {
        String value = text(values, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number");
        }
    }

    private static long positiveLong(Map<ConfigKey, String> values, ConfigKey key) {
        String value = text(values, key);
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number of bytes");
        }
        if (parsed < 1) {
            throw invalid(key, value, "1 or more");
        }
        return parsed;
    }

    private static boolean bool(Map<ConfigKey, String> values, ConfigKey key) {
        String value = text(values, key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    private static ValidationException invalid(ConfigKey key, String value, String expected) {
        return new ValidationException(key.key() + ": '" + value + "' (expected: " + expected + ")");
    }
}
