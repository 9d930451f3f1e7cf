package io.tvarr.pipeline.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer for output files written a line at a time from strings. A {@code BufferedWriter} over an
 * {@code OutputStreamWriter} copies each string's bytes into chars and encodes them back to bytes, which was a
 * quarter of writing a 100k-channel playlist and its lineups; here a string goes to bytes in one step
 * ({@code String.getBytes}). A surrogate pair split across {@link #write(int)} calls is joined. Does not close the
 * stream it writes to ({@link #close()} flushes). Not thread-safe.
 */
public final class Utf8TextWriter extends Writer {
    private final OutputStream out;
    private char pendingHighSurrogate;

    /** @param out where the bytes go; buffered here by {@code bufferSize} bytes */
    public Utf8TextWriter(OutputStream out, int bufferSize) {
        this.out = new BufferedOutputStream(out, bufferSize);
    }

    @Override
    public void write(String text) throws IOException {
        if (pendingHighSurrogate != 0) {
            text = takePending() + text;
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.substring(offset, offset + length));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length));
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (Character.isHighSurrogate(ch) && pendingHighSurrogate == 0) {
            pendingHighSurrogate = ch;
            return;
        }
        write(String.valueOf(ch));
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        write(String.valueOf(text));
        return this;
    }

    @Override
    public void flush() throws IOException {
        if (pendingHighSurrogate != 0) {
            out.write(takePending().getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /** Flushes; the stream stays open, as its owner closes it. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private String takePending() {
        String pending = String.valueOf(pendingHighSurrogate);
        pendingHighSurrogate = 0;
        return pending;
    }
}
