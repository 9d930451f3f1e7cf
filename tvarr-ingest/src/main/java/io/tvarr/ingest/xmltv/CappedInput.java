package io.tvarr.ingest.xmltv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Counts the bytes the XML reader gets and refuses a guide past {@link XmltvLimits}: too large once decompressed, or
 * expanding more than the ratio allows (a 2 MB gzip must not become 1 GB of parsing). The failure is thrown from
 * {@code read}, so it stops the parse at once with its own message.
 */
final class CappedInput extends FilterInputStream {
    private final XmltvLimits limits;
    private final @Nullable Counting compressed;
    private long read;

    /** @param compressed counts the body before decompression; null for a plain guide */
    CappedInput(InputStream decompressed, XmltvLimits limits, @Nullable Counting compressed) {
        super(decompressed);
        this.limits = limits;
        this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limits.maxDecompressedBytes()) {
            throw new XmltvParseException(
                    "guide larger than the limit of " + limits.maxDecompressedBytes() + " bytes (after decompression)",
                    null);
        }
        if (compressed != null
                && read > XmltvLimits.RATIO_CHECKED_FROM
                && read > compressed.count * limits.maxCompressionRatio()) {
            throw new XmltvParseException(
                    "gzip guide expands more than " + limits.maxCompressionRatio() + " times (" + compressed.count
                            + " compressed bytes gave over " + read + "); refused as a decompression bomb",
                    null);
        }
    }

    /** Counts the compressed bytes read from the body. */
    static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
