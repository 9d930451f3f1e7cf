package io.tvarr.domain;

/** The request clashes with the current state, e.g. an ingestion that is already running. */
public class ConflictException extends TvarrException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
