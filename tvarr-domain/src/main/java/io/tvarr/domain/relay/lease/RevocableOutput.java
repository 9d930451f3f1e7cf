package io.tvarr.domain.relay.lease;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A client's output that a connection limit can take back while a transfer writes to it: once {@link #revoke}d, the
 * next write fails with the reason, and the transfer ends as when the client hangs up. It does not close the client's
 * stream (its owner does). Thread-safe as to revoking; writes come from one thread.
 */
public final class RevocableOutput extends FilterOutputStream {
    private volatile @Nullable String revoked;

    public RevocableOutput(OutputStream out) {
        super(out);
    }

    /** Fails every later write with {@code reason}. */
    public void revoke(String reason) {
        revoked = reason;
    }

    private void check() throws IOException {
        String reason = revoked;
        if (reason != null) {
            throw new IOException(reason);
        }
    }

    @Override
    public void write(int b) throws IOException {
        check();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        check();
        out.flush();
    }

    @Override
    public void close() {
        // the client's stream belongs to whoever gave it
    }
}
