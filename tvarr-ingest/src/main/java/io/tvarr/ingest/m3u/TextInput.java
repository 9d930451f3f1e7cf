package io.tvarr.ingest.m3u;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Turns a body into lines: gzip detected by its magic bytes, a UTF-8 byte-order mark dropped, LF, CRLF and CR
 * line ends, and limits on line length and (decompressed) size. Reads ahead by one buffer only.
 */
final class TextInput implements AutoCloseable {
    private final Reader reader;
    private final M3uLimits limits;
    private final char[] buffer = new char[16 * 1024];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int filled;
    private int lineNumber;
    private long chars;
    private boolean checkedText;

    TextInput(InputStream raw, M3uLimits limits) throws IOException {
        this.limits = limits;
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        InputStream body = first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
        this.reader = new InputStreamReader(
                body,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end. */
    @Nullable
    String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == filled && !fill()) {
                if (!any) {
                    return null;
                }
                lineNumber++;
                return finish();
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                skipLineFeed = c == '\r';
                lineNumber++;
                return finish();
            }
            any = true;
            line.append(c);
            if (line.length() > limits.maxLineLength()) {
                throw new M3uParseException(
                        "line " + (lineNumber + 1) + ": longer than " + limits.maxLineLength() + " characters");
            }
        }
    }

    private boolean skipLineFeed;

    private String finish() {
        String text = line.toString();
        if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text;
    }

    private boolean fill() throws IOException {
        int n = reader.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        filled = n;
        chars += n;
        if (chars > limits.maxBodyChars()) {
            throw new M3uParseException("line " + (lineNumber + 1) + ": playlist larger than the limit of "
                    + limits.maxBodyChars() + " characters (after decompression)");
        }
        if (!checkedText) {
            checkedText = true;
            requireText(n);
        }
        return true;
    }

    /** Binary data (an image, a video segment, a zip) has NULs or many control characters early on. */
    private void requireText(int n) {
        int control = 0;
        int sample = Math.min(n, 1024);
        for (int i = 0; i < sample; i++) {
            char c = buffer[i];
            if (c == 0) {
                throw new M3uParseException("line 1: not a text playlist (binary data)");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == '\uFFFD') {
                control++;
            }
        }
        if (control > sample / 10 + 1) {
            throw new M3uParseException("line 1: not a text playlist (binary data)");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
