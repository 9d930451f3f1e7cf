package io.tvarr.domain;

/** A requested entity does not exist. */
public class NotFoundException extends TvarrException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
