package io.tvarr.ingest.fetch;

import io.tvarr.domain.RefusedUpstreamException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes have been read, so a huge or endless body cannot exhaust disk or time. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long read;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new RefusedUpstreamException(what + ": body larger than the limit of " + limit + " bytes");
        }
    }
}
