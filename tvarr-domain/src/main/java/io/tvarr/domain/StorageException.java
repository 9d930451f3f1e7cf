package io.tvarr.domain;

/** The store failed (unreachable, constraint broken unexpectedly); the cause is kept. */
public class StorageException extends TvarrException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
