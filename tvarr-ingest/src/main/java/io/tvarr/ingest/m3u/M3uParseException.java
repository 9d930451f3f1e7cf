package io.tvarr.ingest.m3u;

import io.tvarr.domain.ValidationException;

/** The only exception the M3U parser throws: the input as a whole is unusable. The message names the line. */
public final class M3uParseException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public M3uParseException(String message) {
        super(message);
    }
}
