package io.tvarr.domain;

/**
 * The provider answered, and the answer was no: a 4xx status, a refused login, an expired account, a body over
 * the size limit. Trying again later without a change on the user's side gives the same answer, so scheduled
 * jobs do not retry it.
 */
public class RefusedUpstreamException extends UpstreamException {
    private static final long serialVersionUID = 1L;

    public RefusedUpstreamException(String message) {
        super(message);
    }
}
