package io.tvarr.domain;

/** Base of every failure tvarr reports; adapters map the subtypes to protocol errors. */
public abstract class TvarrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected TvarrException(String message) {
        super(message);
    }

    protected TvarrException(String message, Throwable cause) {
        super(message, cause);
    }
}
