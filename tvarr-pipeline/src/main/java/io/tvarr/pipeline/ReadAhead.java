package io.tvarr.pipeline;

import io.tvarr.domain.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads records on other threads while the calling thread processes them. A generation spends about as long
 * decoding database rows as it does running stages and writing text; overlapping the two uses both cores of a
 * small server, and a guide, whose rows cost the most, can be read by two readers at once.
 *
 * <p>Records travel in batches of a fixed size through bounded queues, so memory stays flat however many there
 * are. With several readers the caller takes one batch from each in turn, so the order it sees is the same on
 * every run. A failure on either side stops all and is rethrown to the caller.
 */
final class ReadAhead {
    /** Records per batch; small enough that what is in flight stays cheap for the young-generation collector. */
    static final int BATCH = 256;

    private static final int BATCHES_IN_FLIGHT = 8;
    private static final Object END = new Object();

    private ReadAhead() {}

    /** Runs {@code reader} on a new thread, feeding what it reads to {@code processor} on this one. */
    static <T> void run(String name, Feed<T> reader, Consumer<T> processor) {
        run(name, List.of(reader), BATCH, processor);
    }

    /**
     * Runs each reader on its own thread and feeds their batches of {@code batchSize} records (fewer for records
     * that are large themselves) to {@code processor} on this one, taking a batch from each reader in turn.
     */
    static <T> void run(String name, List<? extends Feed<T>> readers, int batchSize, Consumer<T> processor) {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Reader<T>> running = new ArrayList<>();
        int inFlight = Math.max(2, BATCHES_IN_FLIGHT / readers.size());
        for (int i = 0; i < readers.size(); i++) {
            String threadName = "tvarr-" + name + (readers.size() == 1 ? "" : "-" + (i + 1));
            running.add(new Reader<>(readers.get(i), batchSize, inFlight, cancelled, threadName));
        }
        try {
            List<Reader<T>> active = new ArrayList<>(running);
            int turn = 0;
            while (!active.isEmpty()) {
                Reader<T> reader = active.get(turn);
                Object next = reader.queue.take();
                if (next == END) {
                    if (reader.failure != null) {
                        break;
                    }
                    active.remove(turn);
                } else {
                    @SuppressWarnings("unchecked")
                    List<T> records = (List<T>) next;
                    records.forEach(processor);
                    turn++;
                }
                if (turn >= active.size()) {
                    turn = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(name + ": interrupted", e);
        } finally {
            // readers still going (after a failure on either side) stop at their next hand-over; finished ones
            // never look at the flag again
            cancelled.set(true);
            running.forEach(Reader::join);
        }
        for (Reader<T> reader : running) {
            rethrow(name, reader.failure);
        }
    }

    private static void rethrow(String name, Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new StorageException(name + ": " + failure.getMessage(), failure);
    }

    /** One reading thread and the queue of batches it fills. */
    private static final class Reader<T> {
        final BlockingQueue<Object> queue;
        private final AtomicBoolean cancelled;
        private final int batchSize;
        private final Thread thread;
        volatile Throwable failure;

        Reader(Feed<T> source, int batchSize, int inFlight, AtomicBoolean cancelled, String name) {
            this.queue = new ArrayBlockingQueue<>(inFlight);
            this.cancelled = cancelled;
            this.batchSize = batchSize;
            this.thread = new Thread(() -> read(source), name);
            thread.setDaemon(true);
            thread.start();
        }

        private void read(Feed<T> source) {
            List<T> batch = new ArrayList<>(batchSize);
            try {
                source.feed(item -> {
                    batch.add(item);
                    if (batch.size() == batchSize) {
                        put(new ArrayList<>(batch));
                        batch.clear();
                    }
                });
            } catch (CancellationException e) {
                return;
            } catch (Throwable e) {
                failure = e;
            }
            try {
                if (!batch.isEmpty()) {
                    put(new ArrayList<>(batch));
                }
                put(END);
            } catch (CancellationException e) {
                // the processor has given up; nobody waits for the end marker
            }
        }

        private void put(Object item) {
            try {
                while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    if (cancelled.get()) {
                        throw new CancellationException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
