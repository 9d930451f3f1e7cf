package io.tvarr.domain.relay;

/**
 * One client's view of a shared upstream. {@link #read} blocks until bytes arrive; it returns -1 when the
 * upstream ended and throws {@link io.tvarr.domain.UpstreamException} when it failed or the client fell too far
 * behind. Not thread-safe: one reader.
 */
public interface StreamSubscription extends AutoCloseable {
    int read(byte[] buffer);

    /** Leaves the session; the upstream stops after the grace period once nobody watches. */
    @Override
    void close();
}
