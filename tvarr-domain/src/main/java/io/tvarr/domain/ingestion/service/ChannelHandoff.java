package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A source read on a thread of its own while the ingesting thread stores what it yields: channels are handed over in
 * chunks through a bounded queue, so the read runs at most {@link #CHUNKS_AHEAD} chunks ahead of the store and memory
 * stays flat whatever the source's size. Only for a source as fast to read as a spool (a local file): the store's
 * transaction is open while the source is read. The thread is this object's: {@link #close()} tells a read still
 * running to stop (its next channel fails) and waits for it, so no read outlives the ingestion. Not thread-safe
 * beyond the one reader and the one ingesting thread.
 */
final class ChannelHandoff implements AutoCloseable {
    /** Channels per hand-over: the queue's locking is paid per chunk, not per channel. */
    static final int CHUNK = 256;

    static final int CHUNKS_AHEAD = 16;

    private static final long WAIT_MS = 50;

    /** A chunk of channels, or the read's end: its facts, or its failure. */
    private record Piece(
            List<Channel> channels,
            @Nullable Map<String, String> facts,
            @Nullable Throwable failure) {}

    private final BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread thread;
    private volatile boolean abandoned;
    private Map<String, String> facts = Map.of();

    private ChannelHandoff(Function<ChannelSink, Map<String, String>> read, String name) {
        this.thread = new Thread(() -> run(read), name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the read beside the caller.
     *
     * @param read reads the source into the sink it is given; returns the source's facts
     */
    static ChannelHandoff start(Function<ChannelSink, Map<String, String>> read, String name) {
        return new ChannelHandoff(read, name);
    }

    /**
     * Hands every channel the read yields to the sink on the calling thread, in the order read, until the read ends;
     * once. Its failure is thrown here unchanged.
     *
     * @return how many channels the read yielded
     */
    long drainTo(ChannelSink sink) {
        long count = 0;
        while (true) {
            Piece piece = take();
            if (piece.failure() != null) {
                throw rethrown(piece.failure());
            }
            for (Channel channel : piece.channels()) {
                sink.accept(channel);
            }
            count += piece.channels().size();
            if (piece.facts() != null) {
                facts = piece.facts();
                return count;
            }
        }
    }

    /** What the read returned, once {@link #drainTo} returned. */
    Map<String, String> facts() {
        return facts;
    }

    /** Stops a read still running (its next channel fails) and waits for its thread to end. */
    @Override
    public void close() {
        abandoned = true;
        queue.clear();
        ReaderThreads.awaitEnd(thread);
    }

    private void run(Function<ChannelSink, Map<String, String>> read) {
        Chunker chunker = new Chunker();
        Piece end;
        try {
            Map<String, String> result = read.apply(chunker);
            end = new Piece(chunker.chunk, result, null);
        } catch (RuntimeException | Error e) {
            end = new Piece(chunker.chunk, null, e);
        }
        put(end);
    }

    /** Queues a piece, or drops it once the store stopped wanting them. */
    private void put(Piece piece) {
        try {
            while (!abandoned) {
                if (queue.offer(piece, WAIT_MS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Piece take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the source's channels", e);
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    /** The read's sink: collects channels into chunks and queues each full one. */
    private final class Chunker implements ChannelSink {
        private List<Channel> chunk = new ArrayList<>(CHUNK);

        @Override
        public void accept(Channel channel) {
            if (abandoned) {
                throw new CancellationException("the ingestion stopped storing before the source was read");
            }
            chunk.add(channel);
            if (chunk.size() == CHUNK) {
                put(new Piece(chunk, null, null));
                chunk = new ArrayList<>(CHUNK);
            }
        }
    }
}
