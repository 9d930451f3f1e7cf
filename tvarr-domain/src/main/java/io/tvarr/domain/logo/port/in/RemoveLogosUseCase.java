package io.tvarr.domain.logo.port.in;

/** Removing one cached logo or the list of failed ones by hand. Thread-safe. */
public interface RemoveLogosUseCase {
    /**
     * Removes a cached logo, its row and its file; the next generation downloads it again if a channel still uses it.
     *
     * @throws io.tvarr.domain.NotFoundException when no logo has that hash
     */
    void delete(String sha256);

    /** Forgets every recorded failure (the next generation tries those URLs again); returns how many went. */
    int clearFailures();
}
