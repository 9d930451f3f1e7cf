package io.tvarr.persistence.channel;

import java.util.UUID;

/**
 * The channel ids one replace has written so far, in one open-addressed pair of {@code long[]}: a repeated channel
 * (rare) is told from a new one here rather than by the database on every row. Not thread-safe: one per replace.
 */
final class WrittenIds {
    private static final int INITIAL_CAPACITY = 1024;

    private long[] highs = new long[INITIAL_CAPACITY];
    private long[] lows = new long[INITIAL_CAPACITY];
    private boolean[] used = new boolean[INITIAL_CAPACITY];
    private int size;

    /** Adds the id; whether it was not there before. */
    boolean add(UUID id) {
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        if (!insert(id.getMostSignificantBits(), id.getLeastSignificantBits())) {
            return false;
        }
        size++;
        return true;
    }

    private boolean insert(long high, long low) {
        int mask = used.length - 1;
        int i = slot(high, low) & mask;
        while (used[i]) {
            if (highs[i] == high && lows[i] == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        highs[i] = high;
        lows[i] = low;
        return true;
    }

    /** Name-based UUIDs are MD5 bits, well mixed already; folding both halves keeps any of them apart. */
    private static int slot(long high, long low) {
        long mixed = high ^ low;
        return (int) (mixed ^ (mixed >>> 32));
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        boolean[] oldUsed = used;
        highs = new long[oldUsed.length * 2];
        lows = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHighs[i], oldLows[i]);
            }
        }
    }
}
