package io.tvarr.domain.config.port.out;

import java.util.function.Supplier;

/**
 * Runs work as one unit against the store: every change the features' stores make inside it, on the calling thread,
 * is kept together or not at all. An apply goes through here so that a failure halfway leaves the instance as it
 * was.
 */
public interface Transactions {
    /**
     * Runs {@code work} in one transaction and returns its result; an exception it throws rolls everything back and
     * propagates as it is. Work done on other threads is not part of it. Blocks other writers while it runs (SQLite
     * has one writer), so the work must not wait on another thread that writes.
     */
    <T> T inOne(Supplier<T> work);
}
