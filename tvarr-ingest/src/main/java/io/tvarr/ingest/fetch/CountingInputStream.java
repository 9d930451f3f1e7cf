package io.tvarr.ingest.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and tells a listener after every read: the one mechanism behind ingestion
 * progress, body size limits and decompression caps. A listener may throw an unchecked exception to stop the
 * reader at once with its own message. Not thread-safe: one reader.
 */
public final class CountingInputStream extends FilterInputStream {
    /** Told after each read that returned bytes. */
    @FunctionalInterface
    public interface ReadListener {
        /**
         * @param bytes bytes this read returned
         * @param total bytes read through the stream so far, these included
         */
        void read(long bytes, long total);
    }

    private static final ReadListener NONE = (bytes, total) -> {};

    private final ReadListener listener;
    private long count;

    public CountingInputStream(InputStream in, ReadListener listener) {
        super(in);
        this.listener = listener;
    }

    /** Counts without telling anyone; read the total with {@link #count()}. */
    public CountingInputStream(InputStream in) {
        this(in, NONE);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    /** Bytes read through the stream so far. */
    public long count() {
        return count;
    }

    private void counted(long bytes) {
        count += bytes;
        listener.read(bytes, count);
    }
}
