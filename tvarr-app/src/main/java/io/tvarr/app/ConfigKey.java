package io.tvarr.app;

import io.tvarr.domain.Suggestions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every configuration key, its default and its environment variable; the single list the docs follow. */
public enum ConfigKey {
    SERVER_HOST("server.host", "0.0.0.0", "address to listen on"),
    SERVER_PORT("server.port", "8080", "HTTP port"),
    SERVER_BASE_URL(
            "server.base_url",
            "",
            "public URL players use to reach tvarr; empty means http://<first LAN address>:<port>"),
    SERVER_CORS_ORIGINS(
            "server.cors_origins", "", "comma-separated origins allowed to call the API from a browser; * for any"),
    SERVER_ACCESS_LOG("server.access_log", "true", "log one line per request"),
    SERVER_TRUSTED_PROXIES(
            "server.trusted_proxies",
            "",
            "comma-separated CIDR ranges of reverse proxies whose X-Forwarded-For names the client; empty trusts none"),
    DATA_DIR("data_dir", "./data", "directory for the SQLite file, published outputs and cached logos"),
    DATABASE_URL("database.url", "", "JDBC URL; empty means jdbc:sqlite:<data_dir>/tvarr.db"),
    DATABASE_USERNAME("database.username", "", "database user (or put it in the URL)"),
    DATABASE_PASSWORD("database.password", "", "database password (or put it in the URL)"),
    DATABASE_MAX_POOL_SIZE("database.max_pool_size", "8", "connections in the pool"),
    DATABASE_CHANNEL_BATCH_SIZE("database.channel_batch_size", "1000", "channels per insert batch"),
    DATABASE_PROGRAMME_BATCH_SIZE("database.programme_batch_size", "5000", "programmes per insert batch"),
    DATABASE_FETCH_SIZE("database.fetch_size", "1000", "rows per round trip for streaming reads"),
    DATABASE_MIGRATE_ON_START("database.migrate_on_start", "true", "apply schema migrations when serve starts"),
    SOURCES_ALLOWED_DIRS(
            "sources.allowed_dirs",
            "",
            "comma-separated directories file: source URLs may read from; empty allows none"),
    SOURCES_MAX_UPLOAD_BYTES(
            "sources.max_upload_bytes",
            "1073741824",
            "largest playlist or guide file accepted as an upload from the web interface or the API, in bytes"
                    + " (a gzip file counts compressed); uploads are kept under <data_dir>/uploads"),
    SOURCES_USER_AGENT("sources.user_agent", "tvarr/0.1", "User-Agent sent to providers unless a source sets its own"),
    SOURCES_MAX_DROP_PERCENT(
            "sources.max_drop_percent",
            "50",
            "largest share (0-100) of a source's channels or programmes one refresh may drop unasked; a bigger drop,"
                    + " or a refresh yielding nothing, keeps the previous data until accepted"),
    PROXIES_GENERATION_WAIT_SECONDS(
            "proxies.generation_wait_seconds",
            "300",
            "how long a generation waits for running ingestions of its inputs before using the last complete data"),
    LOGOS_CONCURRENCY("logos.concurrency", "50", "logo downloads at once when a proxy caches logos"),
    LOGOS_MAX_BYTES("logos.max_bytes", "2097152", "largest logo accepted, in bytes"),
    LOGOS_REVALIDATE_HOURS(
            "logos.revalidate_hours", "24", "age after which a cached logo is checked again with its ETag"),
    JOBS_WORKERS("jobs.workers", "2", "background jobs (ingestions, generations) running at once"),
    JOBS_RETRIES("jobs.retries", "3", "tries after the first for a job that failed for a transient reason"),
    JOBS_RETRY_DELAY_SECONDS(
            "jobs.retry_delay_seconds", "30", "first retry delay; it doubles with each retry, up to 16 times"),
    JOBS_HISTORY_DAYS("jobs.history_days", "30", "how long finished jobs stay in the history"),
    JOBS_SCHEDULER_TICK_SECONDS(
            "jobs.scheduler_tick_seconds",
            "30",
            "how often (1-60) the scheduler looks for runs that are due; a scheduled run starts up to this late"),
    INSTANCE_ID(
            "instance.id",
            "",
            "this instance's name beside its jobs and relay sessions; empty: the host name and a random suffix"),
    INSTANCE_LEASE_SECONDS(
            "instance.lease_seconds",
            "60",
            "how long a job stays this instance's without renewal before another instance on the database takes it"
                    + " over"),
    RELAY_MAX_PER_HOST("relay.max_per_host", "0", "upstream connections per provider host at once; 0 for no limit"),
    RELAY_GRACE_SECONDS("relay.grace_seconds", "5", "how long an upstream stays open after its last viewer left"),
    RELAY_STALL_TIMEOUT_SECONDS(
            "relay.stall_timeout_seconds",
            "15",
            "silence after which an upstream is given up (also for the first byte)"),
    RELAY_FFMPEG_PATH(
            "relay.ffmpeg_path",
            "",
            "ffmpeg binary (ffprobe beside it) or a directory holding both; empty searches PATH"),
    HDHOMERUN_DEFAULT_PROXY(
            "hdhomerun.default_proxy",
            "",
            "id or slug of the proxy the bare /discover.json, /lineup.json… describe; empty: the first proxy with its"
                    + " tuner on"),
    HDHOMERUN_TUNER_COUNT(
            "hdhomerun.tuner_count",
            "4",
            "TunerCount of a proxy's HDHomeRun device when none of its sources has a connection limit"),
    HDHOMERUN_DISCOVERY_PORT(
            "hdhomerun.discovery_port",
            "65001",
            "UDP port answering HDHomeRun discovery (Plex, hdhomerun_config); 0 turns discovery off"),
    HDHOMERUN_SSDP_PORT(
            "hdhomerun.ssdp_port",
            "1900",
            "UDP port answering SSDP M-SEARCH for the tuner devices (group 239.255.255.250); 0 turns SSDP off"),
    XTREAM_REDIRECT_LEASE_MINUTES(
            "xtream.redirect_lease_minutes",
            "120",
            "how long a redirect on the Xtream door holds one of its user's connections (tvarr never sees a redirected"
                    + " player stop; the same player asking again renews it); 0 leaves redirects outside users' limits"),
    AUTH_DISABLED(
            "auth.disabled",
            "false",
            "answer the admin API and pages without any login: only for embedders and trusted networks"),
    AUTH_SESSION_IDLE_HOURS("auth.session_idle_hours", "168", "a login unused this long ends"),
    AUTH_SESSION_LIFETIME_DAYS("auth.session_lifetime_days", "30", "no login lasts longer, used or not"),
    ADMIN_USERNAME("admin.username", "admin", "name of the admin user made at first start"),
    ADMIN_PASSWORD(
            "admin.password",
            "",
            "password of the admin user made at first start when none exists; empty prints a one-time setup link"
                    + " instead"),
    METRICS_ENABLED("metrics.enabled", "true", "serve /metrics in the Prometheus text format"),
    LOG_FORMAT("log.format", "text", "text (human-readable) or json (one JSON object per line)"),
    LOG_LEVEL("log.level", "INFO", "root log level: TRACE, DEBUG, INFO, WARN or ERROR");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The value is a secret: shown masked wherever the configuration in effect is shown. */
    public boolean secret() {
        return this == DATABASE_PASSWORD || this == ADMIN_PASSWORD;
    }

    /** {@code server.port} is read from {@code TVARR_SERVER_PORT}. */
    public String environmentVariable() {
        return "TVARR_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** The known key closest to a mistyped one, for "did you mean" hints. */
    public static String closestTo(String unknown) {
        return Suggestions.closest(
                        unknown, Arrays.stream(values()).map(ConfigKey::key).toList(), Integer.MAX_VALUE)
                .orElseThrow();
    }
}
