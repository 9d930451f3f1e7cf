package io.tvarr.domain.source;

import io.tvarr.domain.ValidationException;

/** The largest playlist or guide file tvarr keeps from an upload ({@code sources.max_upload_bytes}). */
public final class UploadLimit {
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    private UploadLimit() {}

    /**
     * The refusal of a file over the limit, the same whoever notices it first: the upload service while it reads,
     * or the web server cutting off a multipart body.
     */
    public static ValidationException exceeded(long maxBytes) {
        return new ValidationException(
                "file: larger than the upload limit of " + size(maxBytes) + " (sources.max_upload_bytes)");
    }

    static String size(long bytes) {
        if (bytes % GIB == 0) {
            return bytes / GIB + " GiB";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes + " bytes";
    }
}
