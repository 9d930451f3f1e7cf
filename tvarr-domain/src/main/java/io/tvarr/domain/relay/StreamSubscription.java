package io.tvarr.domain.relay;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One client's view of a shared upstream. {@link #read} blocks until bytes arrive; it returns -1 when the
 * upstream ended and throws {@link io.tvarr.domain.UpstreamException} when it failed or the client fell too far
 * behind. Not thread-safe: one reader.
 */
public interface StreamSubscription extends AutoCloseable {
    int read(byte[] buffer);

    /**
     * Like {@link #read}, but the bytes go to {@code out} (not flushed): at most {@code buffer.length} of them. This
     * default copies through {@code buffer}; a relay may write straight from its own buffer and leave {@code buffer}
     * untouched, which saves a copy of every byte for every client.
     *
     * @return the count written, or -1 at the end
     * @throws IOException when writing to {@code out} fails: the client left
     */
    default int writeTo(OutputStream out, byte[] buffer) throws IOException {
        int n = read(buffer);
        if (n > 0) {
            out.write(buffer, 0, n);
        }
        return n;
    }

    /** Leaves the session; the upstream stops after the grace period once nobody watches. */
    @Override
    void close();
}
