package io.tvarr.domain;

/** Input that breaks a rule; the message names the value and what was expected. */
public class ValidationException extends TvarrException {
    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
