package io.tvarr.relay.session;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The readers of a {@link RingBuffer} and the writer's pacing against them: the writer never runs more than the
 * buffer ahead of the furthest reader (the lead). The lead is kept as readers move so a write need not visit every
 * reader; without readers it stays where the last one left, so the writer goes a buffer past that and waits for a
 * reader or the end. Not thread-safe: the ring calls it with its lock held ({@code space} is that lock's).
 */
final class RingReaders {
    private final Set<RingBuffer.Cursor> readers = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Condition space;
    private final int capacity;
    private long lead;
    private boolean released;
    private volatile boolean writerWaiting;

    RingReaders(Condition space, int capacity) {
        this.space = space;
        this.capacity = capacity;
    }

    /** Waits until the writer at {@code written} may add {@code length} bytes without passing the furthest reader. */
    void awaitRoom(long written, int length) throws InterruptedException {
        while (!released && written + length - lead > capacity) {
            writerWaiting = true;
            space.await(100, TimeUnit.MILLISECONDS);
        }
        writerWaiting = false;
    }

    /** The stream ended: the writer is held back no more. */
    void release() {
        released = true;
        space.signalAll();
    }

    /** Whether the writer waits for readers to make room, which is not the upstream stalling. Any thread. */
    boolean writerWaiting() {
        return writerWaiting;
    }

    void add(RingBuffer.Cursor cursor) {
        readers.add(cursor);
        recomputeLead();
        // a writer waiting for a reader since the last one left may go on from here
        space.signalAll();
    }

    void remove(RingBuffer.Cursor cursor) {
        readers.remove(cursor);
        recomputeLead();
        space.signalAll();
    }

    /** Moves {@code cursor} to {@code position}; a lead taken further may give a waiting writer room. */
    void advance(RingBuffer.Cursor cursor, long position) {
        cursor.position = position;
        if (position > lead) {
            lead = position;
            space.signalAll();
        }
    }

    /** After a reader joined or left: taken again from the readers there are, or kept where the last one left. */
    private void recomputeLead() {
        if (readers.isEmpty()) {
            return;
        }
        long max = 0;
        for (RingBuffer.Cursor cursor : readers) {
            max = Math.max(max, cursor.position);
        }
        lead = max;
    }
}
