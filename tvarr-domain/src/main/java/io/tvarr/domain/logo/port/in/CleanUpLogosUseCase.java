package io.tvarr.domain.logo.port.in;

/** Removing cached logos nothing uses any more. */
public interface CleanUpLogosUseCase {
    /**
     * Removes cached logos no channel and no mapping rule refers to (uploads get a day's grace) and files without
     * a row; returns how many files went.
     */
    int cleanup();
}
