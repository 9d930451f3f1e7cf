package io.tvarr.domain.backup.service;

import java.io.IOException;
import java.io.OutputStream;

/** Hands a stream to code that closes what it is given, without letting it close the stream underneath. */
final class KeptOpenOutputStream extends OutputStream {
    private final OutputStream out;

    KeptOpenOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
