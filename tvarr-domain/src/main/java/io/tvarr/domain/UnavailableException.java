package io.tvarr.domain;

/**
 * tvarr declines to do something now, on purpose: a provider connection limit is reached, an upstream host's
 * circuit breaker is open. The message says which limit and, where known, when to try again.
 */
public class UnavailableException extends TvarrException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public UnavailableException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until trying again makes sense; 0 when unknown. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
