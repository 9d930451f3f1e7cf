package io.tvarr.ingest.m3u;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Turns a body into lines: gzip detected by its magic bytes, a UTF-8 byte-order mark dropped, LF, CRLF and CR
 * line ends, and limits on line length and (decompressed) size. Malformed UTF-8 becomes U+FFFD.
 *
 * <p>Line ends are found in the bytes and each line is decoded once, as a whole, by {@code new String(bytes,
 * UTF_8)}: the JDK decodes ASCII lines (nearly all of a playlist) in bulk, where a {@code Reader} plus a
 * {@code StringBuilder} touched every character twice. The buffer holds one line at most (three bytes per allowed
 * character), so memory stays bounded whatever the input.
 */
final class TextInput implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    /** The most UTF-8 bytes one UTF-16 character of a line can take (U+0800-U+FFFF; a pair takes 4 for 2). */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private final InputStream body;
    private final M3uLimits limits;
    private final long maxLineBytes;
    private byte[] buffer = new byte[BUFFER];
    private int position;
    private int filled;
    private int lineNumber;
    private long chars;
    private boolean checkedText;
    private boolean skipLineFeed;

    TextInput(InputStream raw, M3uLimits limits) throws IOException {
        this.limits = limits;
        this.maxLineBytes = (long) limits.maxLineLength() * MAX_BYTES_PER_CHAR;
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        this.body = first == 0x1f && second == 0x8b ? new GZIPInputStream(in, BUFFER) : in;
    }

    /** The 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end. */
    @Nullable
    String next() throws IOException {
        if (skipLineFeed) {
            skipLineFeed = false;
            if ((position < filled || fill()) && buffer[position] == '\n') {
                position++;
                chars++;
            }
        }
        int scan = position;
        while (true) {
            for (int i = scan; i < filled; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    String line = line(position, i);
                    position = i + 1;
                    chars++;
                    skipLineFeed = b == '\r';
                    return line;
                }
            }
            if (filled - position > maxLineBytes) {
                throw tooLong();
            }
            int scanned = filled - position;
            if (!fill()) {
                if (position == filled) {
                    return null;
                }
                String line = line(position, filled);
                position = filled;
                return line;
            }
            scan = position + scanned;
        }
    }

    private String line(int from, int to) {
        String text = new String(buffer, from, to - from, StandardCharsets.UTF_8);
        if (text.length() > limits.maxLineLength()) {
            throw tooLong();
        }
        lineNumber++;
        chars += text.length();
        if (chars > limits.maxBodyChars()) {
            throw new M3uParseException("line " + lineNumber + ": playlist larger than the limit of "
                    + limits.maxBodyChars() + " characters (after decompression)");
        }
        if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text;
    }

    private M3uParseException tooLong() {
        return new M3uParseException(
                "line " + (lineNumber + 1) + ": longer than " + limits.maxLineLength() + " characters");
    }

    /** Keeps the unread bytes (the start of a line), moved to the front, and reads more after them. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, filled - position);
            filled -= position;
            position = 0;
        }
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = body.read(buffer, filled, buffer.length - filled);
        if (n <= 0) {
            return false;
        }
        filled += n;
        if (!checkedText) {
            checkedText = true;
            requireText(new String(buffer, 0, Math.min(filled, 1024), StandardCharsets.UTF_8));
        }
        return true;
    }

    /** Binary data (an image, a video segment, a zip) has NULs or many control characters early on. */
    private static void requireText(String sample) {
        int control = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == 0) {
                throw new M3uParseException("line 1: not a text playlist (binary data)");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == '\uFFFD') {
                control++;
            }
        }
        if (control > sample.length() / 10 + 1) {
            throw new M3uParseException("line 1: not a text playlist (binary data)");
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
