package io.tvarr.domain.backup.service;

import java.io.IOException;
import java.io.InputStream;

/** Hands a stream to code that closes what it is given, without letting it close the stream underneath. */
final class KeptOpenInputStream extends InputStream {
    private final InputStream in;

    KeptOpenInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() {
        // the owner closes the stream underneath
    }
}
