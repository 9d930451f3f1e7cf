package io.tvarr.ingest.m3u;

/**
 * A set of 64-bit hashes in one open-addressed array: at 100k playlist entries a {@code HashSet<Long>} boxed every
 * hash and grew a node per entry, and adding to it was the costliest single step of turning entries into channels.
 * Not thread-safe: one per playlist read.
 */
final class SeenHashes {
    private static final int INITIAL_CAPACITY = 1024;

    private long[] slots = new long[INITIAL_CAPACITY];
    private int size;
    // zero marks an empty slot, so the hash zero is kept aside
    private boolean hasZero;

    /** Adds the hash; whether it was not there before. */
    boolean add(long hash) {
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (!insert(slots, hash)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        // the low bits of an FNV hash are well mixed, but fold the high ones in for hashes made otherwise
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = hash;
        return true;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long hash : slots) {
            if (hash != 0) {
                insert(larger, hash);
            }
        }
        slots = larger;
    }
}
