package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.channel.StableChannelIds;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The stored channels' ids a refresh hands on ({@link StableChannelIds}), read on a thread of their own while the
 * handler reads the source: at 100k channels the read is a tenth of a refresh, and it needs nothing the source
 * gives. The thread is this object's: {@link #close()} waits for it, so no read outlives the ingestion. Not
 * thread-safe: one per refresh, used by the ingesting thread.
 */
final class StoredIdsRead implements AutoCloseable {
    private final FutureTask<StableChannelIds> task;
    private final Thread thread;

    private StoredIdsRead(Supplier<StableChannelIds> read, String name) {
        this.task = new FutureTask<>(read::get);
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts reading beside the caller. */
    static StoredIdsRead start(Supplier<StableChannelIds> read, String name) {
        return new StoredIdsRead(read, name);
    }

    /** The ids read, once the read is done; its failure, unchanged, when it failed. */
    StableChannelIds await() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the stored channel ids", e);
        }
    }

    /** Waits for the read to end (a source that failed early leaves it running: it holds a connection). */
    @Override
    public void close() {
        ReaderThreads.awaitEnd(thread);
    }
}
