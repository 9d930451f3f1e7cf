package io.tvarr.domain.ingestion;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running ingestion, updated by the handler and read by status queries. Thread-safe. */
public final class IngestionProgress {
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    public void addBytes(long count) {
        bytes.addAndGet(count);
    }

    public void entryRead() {
        entries.incrementAndGet();
    }

    /** A malformed entry was skipped (the handler logs it with its place). */
    public void entrySkipped() {
        skipped.incrementAndGet();
    }

    public long bytes() {
        return bytes.get();
    }

    public long entries() {
        return entries.get();
    }

    public long skipped() {
        return skipped.get();
    }

    /** How a message names {@code skipped} malformed entries: " (2 malformed entries skipped)", or "" for none. */
    public static String skippedNote(long skipped) {
        if (skipped == 0) {
            return "";
        }
        return " (" + skipped + (skipped == 1 ? " malformed entry" : " malformed entries") + " skipped)";
    }
}
