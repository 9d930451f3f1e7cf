package io.tvarr.domain;

/** A provider, guide server or other upstream failed or answered with something unusable. */
public class UpstreamException extends TvarrException {
    private static final long serialVersionUID = 1L;

    public UpstreamException(String message) {
        super(message);
    }

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
