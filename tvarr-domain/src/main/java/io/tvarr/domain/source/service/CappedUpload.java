package io.tvarr.domain.source.service;

import io.tvarr.domain.source.UploadLimit;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upload that fails as it is read past the limit, so an oversized file is refused without being kept whole. */
final class CappedUpload extends FilterInputStream {
    private final long maxBytes;
    private long read;

    CappedUpload(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        read += n;
        if (read > maxBytes) {
            throw UploadLimit.exceeded(maxBytes);
        }
    }
}
