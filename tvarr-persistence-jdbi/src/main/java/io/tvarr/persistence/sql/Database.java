package io.tvarr.persistence.sql;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.TvarrException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The JDBI instance plus what repositories need to know about the vendor; shared by all repositories. */
public final class Database {
    private final Jdbi jdbi;
    private final Vendor vendor;
    private final int channelBatchSize;
    private final int programmeBatchSize;
    private final int fetchSize;
    private final WalCheckpoints checkpoints;

    public Database(
            Jdbi jdbi,
            Vendor vendor,
            int channelBatchSize,
            int programmeBatchSize,
            int fetchSize,
            WalCheckpoints checkpoints) {
        this.jdbi = jdbi;
        this.checkpoints = checkpoints;
        this.vendor = vendor;
        this.channelBatchSize = channelBatchSize;
        this.programmeBatchSize = programmeBatchSize;
        this.fetchSize = fetchSize;
    }

    public Vendor vendor() {
        return vendor;
    }

    public int channelBatchSize() {
        return channelBatchSize;
    }

    public int programmeBatchSize() {
        return programmeBatchSize;
    }

    /** Runs work on a handle; JDBI failures become {@link StorageException} with the cause kept. */
    public <T> T withHandle(Function<Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (JdbiException e) {
            throw storageFailure(e);
        }
    }

    /**
     * Runs a small write that must not be lost to a long writer elsewhere (a job's state after a big ingestion):
     * SQLite's busy refusals are retried with backoff for up to {@code patience}; other failures propagate.
     */
    public <T> T withHandleOutlastingBusy(Duration patience, Function<Handle, T> work) {
        RetryPolicy<T> busy = RetryPolicy.<T>builder()
                .handleIf(SqlFailures::isBusy)
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(5))
                .withMaxRetries(-1)
                .withMaxDuration(patience)
                .build();
        try {
            return Failsafe.with(busy).get(() -> withHandle(work));
        } catch (FailsafeException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Runs work in one transaction; any exception rolls it back and propagates. On MariaDB/MySQL the transaction runs
     * at READ COMMITTED, as every transaction does on PostgreSQL: at InnoDB's REPEATABLE READ a DELETE also locks the
     * gaps beside the rows it removes, and two sources' channel stores running at once deadlocked on each other's
     * gaps. The level is set here and not only on tvarr's own pool, so a pool an embedder attaches gets it too (and
     * gets its own level back after the transaction).
     */
    public <T> T inTransaction(Function<Handle, T> work) {
        try {
            return vendor == Vendor.MYSQL
                    ? jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work::apply)
                    : jdbi.inTransaction(work::apply);
        } catch (JdbiException e) {
            throw storageFailure(e);
        }
    }

    /**
     * {@link #inTransaction} for a bulk write (a source's channels). On SQLite its commit skips the automatic WAL
     * checkpoint, which would copy the whole write into the database file on this thread, and asks for one on
     * {@link WalCheckpoints}' thread once committed; a write that fails asks for none (it left nothing to copy). It
     * begins by finishing the previous bulk write's checkpoint, so the WAL is written again from its start.
     */
    public <T> T inBulkTransaction(Function<Handle, T> work) {
        if (vendor != Vendor.SQLITE) {
            return inTransaction(work);
        }
        checkpoints.finishPending();
        T result = withHandle(h -> {
            int automatic = h.createQuery("PRAGMA wal_autocheckpoint")
                    .mapTo(Integer.class)
                    .one();
            h.execute("PRAGMA wal_autocheckpoint = 0");
            try {
                return h.inTransaction(work::apply);
            } finally {
                h.execute("PRAGMA wal_autocheckpoint = " + automatic);
            }
        });
        checkpoints.request(jdbi);
        return result;
    }

    /**
     * Streams a query's rows to a consumer. The query should set {@link #fetchSize()}. PostgreSQL only uses a
     * cursor inside a transaction; SQLite must not open one, or the read would hold the write lock.
     */
    public <T> void stream(Function<Handle, ResultIterable<T>> query, Consumer<T> consumer) {
        Function<Handle, Void> work = handle -> {
            try (var rows = query.apply(handle).stream()) {
                rows.forEach(consumer);
            }
            return null;
        };
        if (vendor == Vendor.POSTGRESQL) {
            inTransaction(work);
        } else {
            withHandle(work);
        }
    }

    public int fetchSize() {
        return fetchSize;
    }

    private static RuntimeException storageFailure(JdbiException e) {
        if (e.getCause() instanceof TvarrException domain) {
            return domain;
        }
        return new StorageException("database: " + SqlFailures.describe(e), e);
    }
}
