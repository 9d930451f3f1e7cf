package io.tvarr.persistence.sql;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's WAL checkpoints after bulk writes, run on a thread of their own: a bulk write commits without SQLite's
 * automatic checkpoint (which copies the whole write from the WAL into the database file on the committing thread,
 * a tenth of a 100k-channel store, #19) and asks for a {@code PASSIVE} one here right after.
 *
 * <p>The WAL stays bounded: SQLite writes a WAL again from its start only once a checkpoint copied all of it, so the
 * next bulk write first finishes the checkpoint still pending ({@link #finishPending()}: it waits for one under way,
 * or runs one not yet begun itself); without that, back-to-back refreshes each began before the last checkpoint ended
 * and the WAL grew by a whole refresh every time. Any other commit still checkpoints automatically past 1000 pages.
 * Thread-safe; the owner closes it.
 */
public final class WalCheckpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);

    private final @Nullable Executor given;
    private final AtomicReference<@Nullable Pending> pending = new AtomicReference<>();
    private @Nullable ExecutorService own;
    private boolean closed;

    private WalCheckpoints(@Nullable Executor given) {
        this.given = given;
    }

    /** Checkpoints on a daemon thread of this object's, made on the first request. */
    public static WalCheckpoints background() {
        return new WalCheckpoints(null);
    }

    /** Checkpoints where the executor runs them (tests); closing leaves the executor alone. */
    public static WalCheckpoints on(Executor executor) {
        return new WalCheckpoints(executor);
    }

    /** Asks for a passive checkpoint of the database behind {@code jdbi} soon; returns at once. */
    void request(Jdbi jdbi) {
        Pending checkpoint = new Pending(jdbi);
        pending.set(checkpoint);
        Executor executor = executor();
        if (executor != null) {
            executor.execute(checkpoint);
        }
    }

    /** Before a bulk write: the checkpoint asked for last, finished (waited for, or run here if not yet begun). */
    void finishPending() {
        Pending checkpoint = pending.getAndSet(null);
        if (checkpoint != null) {
            checkpoint.finish();
        }
    }

    private synchronized @Nullable Executor executor() {
        if (given != null) {
            return given;
        }
        if (closed) {
            return null; // the last connection's close checkpoints
        }
        if (own == null) {
            own = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "tvarr-sqlite-checkpoint");
                thread.setDaemon(true);
                return thread;
            });
        }
        return own;
    }

    /** Lets a checkpoint under way finish (closing the database would checkpoint anyway) and ends the thread. */
    @Override
    public void close() {
        ExecutorService executor;
        synchronized (this) {
            closed = true;
            executor = own;
        }
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("wal checkpoint still running at close, left to the last connection's close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One checkpoint, run once by whichever thread claims it first. */
    private static final class Pending implements Runnable {
        private final Jdbi jdbi;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);

        Pending(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                jdbi.useHandle(h -> h.execute("PRAGMA wal_checkpoint(PASSIVE)"));
            } catch (JdbiException e) {
                // nothing is lost: the pages stay in the WAL, and the next commit past 1000 pages checkpoints them
                log.warn("wal checkpoint failed error={}", SqlFailures.describe(e));
            } finally {
                done.countDown();
            }
        }

        void finish() {
            run();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
