package io.tvarr.ingest.xmltv;

import io.tvarr.ingest.fetch.CountingInputStream;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a guide past {@link XmltvLimits} as the XML reader consumes it: too large once decompressed, or expanding
 * more than the ratio allows (a 2 MB gzip must not become 1 GB of parsing). The failure is thrown from {@code read},
 * so it stops the parse at once with its own message.
 */
final class CappedInput {
    private CappedInput() {}

    /** @param compressed counts the body before decompression; null for a plain guide */
    static InputStream of(InputStream decompressed, XmltvLimits limits, @Nullable CountingInputStream compressed) {
        return new CountingInputStream(decompressed, (bytes, read) -> check(read, limits, compressed));
    }

    private static void check(long read, XmltvLimits limits, @Nullable CountingInputStream compressed) {
        if (read > limits.maxDecompressedBytes()) {
            throw new XmltvParseException(
                    "guide larger than the limit of " + limits.maxDecompressedBytes() + " bytes (after decompression)",
                    null);
        }
        if (compressed != null
                && read > XmltvLimits.RATIO_CHECKED_FROM
                && read > compressed.count() * limits.maxCompressionRatio()) {
            throw new XmltvParseException(
                    "gzip guide expands more than " + limits.maxCompressionRatio() + " times (" + compressed.count()
                            + " compressed bytes gave over " + read + "); refused as a decompression bomb",
                    null);
        }
    }
}
