package io.tvarr.relay.session;

import io.tvarr.domain.UpstreamException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One writer, many readers, fixed memory. Positions are absolute byte counts since the session started, so a
 * reader knows exactly when the writer has lapped it. The writer never runs more than the buffer ahead of the
 * fastest reader ({@link RingReaders}): when every reader is slow (one client on a fast upstream) the upstream is
 * read at the client's pace instead of cutting the client off; a reader slower than the others is cut off so it
 * never holds them back. Without readers (the grace period after the last one left, or before the first joined) the
 * writer goes on until it is a buffer past where the last one was, then waits for a reader or the end: a live
 * upstream is paced at its bitrate and rarely gets that far in a grace period, one faster than real time is not read
 * at full speed for nobody. Thread-safe: one lock guards the storage, the positions and the readers.
 */
final class RingBuffer {
    static final int TS_PACKET = 188;
    private static final byte TS_SYNC = 0x47;

    private final byte[] data;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition more = lock.newCondition();
    private final RingReaders readers;

    private long written;
    /** The end of the region the writer last claimed to fill in place; bytes up to a buffer before it are gone. */
    private long claimed;

    private boolean ended;
    private @Nullable UpstreamException failure;

    RingBuffer(int capacity) {
        this.data = new byte[capacity];
        this.readers = new RingReaders(lock.newCondition(), capacity);
    }

    /** A reader's place in the stream. */
    static final class Cursor {
        long position;
    }

    void write(byte[] source, int offset, int length) throws InterruptedException {
        lock.lock();
        try {
            int remaining = length;
            int from = offset;
            while (remaining > 0) {
                int at = (int) (written % data.length);
                int chunk = Math.min(Math.min(remaining, data.length - at), data.length / 4);
                readers.awaitRoom(written, chunk);
                System.arraycopy(source, from, data, at, chunk);
                written += chunk;
                from += chunk;
                remaining -= chunk;
            }
            more.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The writer's way to fill the buffer without a copy: waits for room and claims up to {@code max} bytes from
     * {@link #claimOffset()} in {@link #array()}, contiguous, for the writer to fill (an upstream read straight into
     * the buffer) and then {@link #commit}. Readers a claimed region may overwrite are treated as lapped from now on.
     * Writer thread only.
     *
     * @return the count claimed, at least 1
     */
    int claim(int max) throws InterruptedException {
        lock.lock();
        try {
            int at = (int) (written % data.length);
            int chunk = Math.min(Math.min(max, data.length - at), data.length / 4);
            readers.awaitRoom(written, chunk);
            claimed = Math.max(claimed, written + chunk);
            return chunk;
        } finally {
            lock.unlock();
        }
    }

    /** Where the next bytes go in {@link #array()}. Writer thread only. */
    int claimOffset() {
        return (int) (written % data.length);
    }

    /** The buffer itself, for the writer to fill a {@link #claim claimed} region of. */
    byte[] array() {
        return data;
    }

    /** The first {@code length} bytes of the claimed region are the stream's next: readers get them. */
    void commit(int length) {
        lock.lock();
        try {
            written += length;
            if (length > 0) {
                more.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The oldest position whose bytes are still in the buffer: older ones were (or may be being) overwritten. */
    private long oldest() {
        return Math.max(written, claimed) - data.length;
    }

    /** Whether the writer waits for readers to make room, which is not the upstream stalling. */
    boolean writerWaiting() {
        return readers.writerWaiting();
    }

    /** A new reader, starting {@code backlog} bytes back on a TS packet boundary. */
    Cursor join(int backlog) {
        lock.lock();
        try {
            Cursor cursor = new Cursor();
            cursor.position = joinPosition(backlog);
            readers.add(cursor);
            return cursor;
        } finally {
            lock.unlock();
        }
    }

    void leave(Cursor cursor) {
        lock.lock();
        try {
            readers.remove(cursor);
        } finally {
            lock.unlock();
        }
    }

    /** No more data: readers get what is left, then the end (or the failure). */
    void end(@Nullable UpstreamException cause) {
        lock.lock();
        try {
            if (!ended) {
                ended = true;
                failure = cause;
            }
            more.signalAll();
            readers.release();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Where a new reader starts: up to {@code backlog} bytes back, moved forward to a TS packet boundary (a sync
     * byte followed by another one packet later) so players get whole packets from their first byte.
     */
    long joinPosition(int backlog) {
        lock.lock();
        try {
            // never where the writer's claimed region may already be overwriting
            long start = Math.max(Math.max(0, oldest()), written - Math.min(backlog, data.length - TS_PACKET));
            for (long p = start; p + TS_PACKET < written && p < start + TS_PACKET; p++) {
                if (at(p) == TS_SYNC && at(p + TS_PACKET) == TS_SYNC) {
                    return p;
                }
            }
            return start == 0 ? 0 : written;
        } finally {
            lock.unlock();
        }
    }

    /** Where {@link #writeTo} hands a reader's bytes: a region of the buffer itself, valid during the call only. */
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /**
     * Hands {@code sink} the bytes from the reader's position straight from the buffer, no copy: at most {@code max},
     * up to the buffer's end (the rest comes next call); waits up to {@code waitMillis} for some. The reader moves on
     * only once {@code sink} returned, so while it writes the writer cannot pass it when it leads (the writer waits
     * for the furthest reader). A reader the writer lapped during the call (it was that far behind the others) is cut
     * off as {@link #read} would: the bytes it was handed may already have been overwritten with newer ones, and the
     * stream ends right after them.
     *
     * @return the count written, 0 after the wait without data, or -1 at the end
     * @throws UpstreamException when the upstream failed, or the reader fell behind the buffer
     */
    int writeTo(Cursor cursor, int max, long waitMillis, Sink sink) throws InterruptedException, IOException {
        long position;
        int at;
        int n;
        lock.lock();
        try {
            position = cursor.position;
            n = available(position, waitMillis);
            if (n <= 0) {
                if (n < 0) {
                    readers.remove(cursor);
                }
                return n;
            }
            at = (int) (position % data.length);
            n = Math.min(Math.min(n, max), data.length - at);
        } catch (Behind e) {
            readers.remove(cursor);
            throw e;
        } finally {
            lock.unlock();
        }
        sink.write(data, at, n);
        lock.lock();
        try {
            if (position < oldest()) {
                readers.remove(cursor);
                throw new Behind(written - position);
            }
            readers.advance(cursor, position + n);
            return n;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies bytes from {@code position}; waits up to {@code waitMillis} for some. Returns the count (0 after the
     * wait without data), or -1 at the end.
     *
     * @throws UpstreamException when the upstream failed, or the reader fell behind the buffer
     */
    int read(Cursor cursor, byte[] target, long waitMillis) throws InterruptedException {
        lock.lock();
        try {
            int n = read(cursor.position, target, waitMillis);
            if (n > 0) {
                readers.advance(cursor, cursor.position + n);
            } else if (n < 0 || cursor.position < oldest()) {
                readers.remove(cursor);
            }
            return n;
        } catch (Behind e) {
            readers.remove(cursor);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private int read(long position, byte[] target, long waitMillis) throws InterruptedException {
        int available = available(position, waitMillis);
        if (available <= 0) {
            return available;
        }
        available = Math.min(target.length, available);
        int at = (int) (position % data.length);
        int first = Math.min(available, data.length - at);
        System.arraycopy(data, at, target, 0, first);
        if (first < available) {
            System.arraycopy(data, 0, target, first, available - first);
        }
        return available;
    }

    /**
     * The bytes there are from {@code position} (capped at what an int holds), 0 after waiting {@code waitMillis}
     * without any, -1 at the end. Called with the lock held.
     */
    private int available(long position, long waitMillis) throws InterruptedException {
        if (position < oldest()) {
            throw new Behind(written - position);
        }
        if (position >= written) {
            if (ended) {
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
            more.await(waitMillis, TimeUnit.MILLISECONDS);
            if (position >= written) {
                if (ended && failure != null) {
                    throw failure;
                }
                return ended ? -1 : 0;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, written - position);
    }

    long written() {
        lock.lock();
        try {
            return written;
        } finally {
            lock.unlock();
        }
    }

    private byte at(long position) {
        return data[(int) (position % data.length)];
    }

    /** A reader the writer has lapped. */
    static final class Behind extends UpstreamException {
        private static final long serialVersionUID = 1L;

        Behind(long lag) {
            super("client fell " + lag + " bytes behind the live stream and was cut off");
        }
    }
}
