package io.tvarr.ingest.xmltv;

/**
 * Limits that turn a hostile guide into a clear error instead of minutes of parsing.
 *
 * @param maxDecompressedBytes the most bytes a guide may have once decompressed (plain guides count too)
 * @param maxCompressionRatio how many times a gzip guide may expand; real XMLTV expands 5 to 20 times, a
 *     decompression bomb hundreds of times. Only checked past {@link #RATIO_CHECKED_FROM} bytes, so small guides
 *     of repetitive text are never refused for it.
 */
public record XmltvLimits(long maxDecompressedBytes, int maxCompressionRatio) {
    /** Decompressed size from which the expansion ratio is checked. */
    public static final long RATIO_CHECKED_FROM = 16L << 20;

    /** 1 GiB decompressed and at most 100 times the compressed size. */
    public static final XmltvLimits DEFAULT = new XmltvLimits(1L << 30, 100);

    public XmltvLimits {
        if (maxDecompressedBytes <= 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException(
                    "xmltv limits: " + maxDecompressedBytes + ", " + maxCompressionRatio + " (expected: both above 0)");
        }
    }
}
