package io.tvarr.ingest.m3u;

/** Limits that turn hostile or broken input into a clear error; the body limit counts decompressed characters. */
public record M3uLimits(int maxLineLength, long maxBodyChars) {
    public static final M3uLimits DEFAULT = new M3uLimits(64 * 1024, 512L * 1024 * 1024);
}
