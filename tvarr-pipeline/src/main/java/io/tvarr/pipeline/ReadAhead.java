package io.tvarr.pipeline;

import io.tvarr.domain.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads records on a second thread while the calling thread processes them. A generation spends about as long
 * decoding database rows as it does running stages and writing text; overlapping the two uses both cores of a
 * small server. Records travel in batches through a bounded queue, so memory stays flat however many there are. A
 * failure on either side stops both and is rethrown to the caller.
 */
final class ReadAhead {
    private static final int BATCH = 1024;
    private static final int BATCHES_IN_FLIGHT = 8;
    private static final Object END = new Object();

    private ReadAhead() {}

    /** Runs {@code reader} on a new thread, feeding what it reads to {@code processor} on this one. */
    static <T> void run(String name, Consumer<Consumer<T>> reader, Consumer<T> processor) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        boolean[] cancelled = {false};
        Object lock = new Object();
        Thread thread = new Thread(
                () -> {
                    List<T> batch = new ArrayList<>(BATCH);
                    try {
                        reader.accept(item -> {
                            batch.add(item);
                            if (batch.size() == BATCH) {
                                put(queue, new ArrayList<>(batch), cancelled, lock);
                                batch.clear();
                            }
                        });
                    } catch (CancellationException e) {
                        return;
                    } catch (Throwable e) {
                        readFailure.set(e);
                    }
                    try {
                        if (!batch.isEmpty()) {
                            put(queue, new ArrayList<>(batch), cancelled, lock);
                        }
                        put(queue, END, cancelled, lock);
                    } catch (CancellationException e) {
                        // the processor has given up; nobody waits for the end marker
                    }
                },
                "tvarr-" + name);
        thread.setDaemon(true);
        thread.start();
        boolean completed = false;
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    break;
                }
                @SuppressWarnings("unchecked")
                List<T> records = (List<T>) next;
                records.forEach(processor);
            }
            completed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(name + ": interrupted", e);
        } finally {
            if (!completed) {
                synchronized (lock) {
                    cancelled[0] = true;
                }
            }
            join(thread);
        }
        Throwable failure = readFailure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new StorageException(name + ": " + failure.getMessage(), failure);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item, boolean[] cancelled, Object lock) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                synchronized (lock) {
                    if (cancelled[0]) {
                        throw new CancellationException();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
