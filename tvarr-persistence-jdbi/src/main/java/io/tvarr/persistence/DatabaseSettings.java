package io.tvarr.persistence;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the database.
 *
 * @param url JDBC URL: {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://…}, {@code jdbc:mariadb://…} or
 *     {@code jdbc:mysql://…}
 * @param maxPoolSize connections in the pool (SQLite: readers; writes are serialised by SQLite itself)
 * @param channelBatchSize channels per insert batch
 * @param programmeBatchSize programmes per insert batch
 * @param fetchSize rows fetched per round trip by streaming reads
 * @param busyTimeout SQLite: how long a write waits for another writer's lock before it fails
 * @param durable false for a database deleted once its one use is over ({@code tvarr generate}'s): SQLite then
 *     skips its syncs to disk ({@code synchronous=OFF}), so a power cut can lose or corrupt it, which cannot matter
 *     there; true (the default) for every database that outlives the process
 */
public record DatabaseSettings(
        String url,
        @Nullable String username,
        @Nullable String password,
        int maxPoolSize,
        int channelBatchSize,
        int programmeBatchSize,
        int fetchSize,
        Duration busyTimeout,
        boolean durable) {
    /** Thirty seconds: long enough for most writes; job state writes retry beyond it. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);

    public DatabaseSettings {
        url = Checks.requireText(url, "database.url");
        username = Checks.blankToNull(username);
        Checks.requireRange(maxPoolSize, 1, 200, "database.max_pool_size");
        Checks.requireRange(channelBatchSize, 1, 100_000, "database.channel_batch_size");
        Checks.requireRange(programmeBatchSize, 1, 100_000, "database.programme_batch_size");
        Checks.requireRange(fetchSize, 1, 100_000, "database.fetch_size");
        Checks.requireNonNull(busyTimeout, "database.busy_timeout");
    }

    /** Without the password, and with credentials in the URL masked: settings end up in logs and messages. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + Redaction.redactUrl(url) + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", maxPoolSize=" + maxPoolSize + ", channelBatchSize="
                + channelBatchSize + ", programmeBatchSize=" + programmeBatchSize + ", fetchSize=" + fetchSize
                + ", busyTimeout=" + busyTimeout + ", durable=" + durable + "]";
    }

    /** Durable settings. */
    public DatabaseSettings(
            String url,
            @Nullable String username,
            @Nullable String password,
            int maxPoolSize,
            int channelBatchSize,
            int programmeBatchSize,
            int fetchSize,
            Duration busyTimeout) {
        this(url, username, password, maxPoolSize, channelBatchSize, programmeBatchSize, fetchSize, busyTimeout, true);
    }

    /** The same settings for a database thrown away after one use; see {@code durable}. */
    public DatabaseSettings throwaway() {
        return new DatabaseSettings(
                url,
                username,
                password,
                maxPoolSize,
                channelBatchSize,
                programmeBatchSize,
                fetchSize,
                busyTimeout,
                false);
    }

    /** The settings with the default busy timeout. */
    public DatabaseSettings(
            String url,
            @Nullable String username,
            @Nullable String password,
            int maxPoolSize,
            int channelBatchSize,
            int programmeBatchSize,
            int fetchSize) {
        this(
                url,
                username,
                password,
                maxPoolSize,
                channelBatchSize,
                programmeBatchSize,
                fetchSize,
                DEFAULT_BUSY_TIMEOUT);
    }

    /** Defaults for a URL: pool of 8, channel batches of 1000, programme batches of 5000, fetch size 1000. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, null, null, 8, 1000, 5000, 1000);
    }
}
