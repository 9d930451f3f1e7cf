package io.tvarr.domain.ingestion;

import io.tvarr.domain.ConflictException;

/**
 * An ingestion yielded nothing, or much less than is stored, so its replace was rolled back and the previous data
 * kept. Ingesting again with {@link IngestMode#ACCEPT_DROP} applies it. Not transient: retrying yields the same.
 */
public final class UnconfirmedDropException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public UnconfirmedDropException(String message) {
        super(message);
    }
}
