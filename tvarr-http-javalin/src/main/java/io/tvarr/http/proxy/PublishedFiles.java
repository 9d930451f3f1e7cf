package io.tvarr.http.proxy;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Serves a published file with validators (ETag from size and modification time of the version actually opened,
 * Last-Modified), conditional
 * requests (304), byte ranges (206) and gzip when the client accepts it. Files are replaced by atomic rename, so an
 * open stream always reads one complete version.
 */
final class PublishedFiles {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final int MAX_OPEN_ATTEMPTS = 3;

    private final Runnable beforeOpen;

    PublishedFiles() {
        this(() -> {});
    }

    /** {@code beforeOpen} runs between the first look at the file and opening it: a seam for tests of that race. */
    PublishedFiles(Runnable beforeOpen) {
        this.beforeOpen = beforeOpen;
    }

    void serve(Context ctx, Path file, String contentType) {
        OpenFile opened = openConsistent(file);
        BasicFileAttributes attributes = opened.attributes();
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Encoding");
        if (notModified(ctx, etag, modified)) {
            opened.close();
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(contentType);
        ctx.header("Accept-Ranges", "bytes");
        String range = ctx.header("Range");
        if (range != null) {
            ByteRange requested = ByteRange.parse(range, attributes.size());
            if (requested != null) {
                try (opened) {
                    sendRange(ctx, opened.channel(), requested, attributes.size());
                }
                return;
            }
        }
        // Javalin closes the stream, and with it the channel, once the body is written
        ctx.result(Channels.newInputStream(opened.channel()));
    }

    /** An open version of a published file and the attributes of exactly that version. */
    private record OpenFile(SeekableByteChannel channel, BasicFileAttributes attributes) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // a read-only channel has nothing to flush; failing to close it loses nothing
            }
        }
    }

    /**
     * Opens the file and returns the attributes of the version opened. A generation may replace the file (atomic
     * rename) at any moment, so the file is looked at before and after opening: when both looks agree (same file
     * key, size and modification time) the opened channel is that version; otherwise it is tried again. The ETag
     * then always describes the bytes sent.
     */
    private OpenFile openConsistent(Path file) {
        for (int attempt = 1; ; attempt++) {
            BasicFileAttributes before = attributes(file);
            beforeOpen.run();
            SeekableByteChannel channel = openChannel(file);
            BasicFileAttributes after = attributes(file);
            if (sameVersion(before, after) && size(channel, file) == after.size()) {
                return new OpenFile(channel, after);
            }
            new OpenFile(channel, after).close();
            if (attempt == MAX_OPEN_ATTEMPTS) {
                throw new UnavailableException(
                        "published file " + file.getFileName() + ": replaced while being opened; try again", 1);
            }
        }
    }

    private static boolean sameVersion(BasicFileAttributes a, BasicFileAttributes b) {
        return Objects.equals(a.fileKey(), b.fileKey())
                && a.size() == b.size()
                && a.lastModifiedTime().equals(b.lastModifiedTime());
    }

    /**
     * One satisfiable byte range: {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. Several ranges or a
     * malformed header get the whole file (RFC 9110 lets a server ignore Range); a range past the end gets 416.
     */
    record ByteRange(long first, long last) {
        static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);
        private static final java.util.regex.Pattern SINGLE = java.util.regex.Pattern.compile("bytes=(\\d*)-(\\d*)");

        static @org.jspecify.annotations.Nullable ByteRange parse(String header, long size) {
            java.util.regex.Matcher m = SINGLE.matcher(header.strip());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return null;
            }
            try {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    return suffix == 0 || size == 0
                            ? UNSATISFIABLE
                            : new ByteRange(Math.max(0, size - suffix), size - 1);
                }
                long first = Long.parseLong(m.group(1));
                long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                return first >= size || last < first ? UNSATISFIABLE : new ByteRange(first, last);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static void sendRange(Context ctx, SeekableByteChannel channel, ByteRange range, long size) {
        // a byte range refers to the file as stored, so it is never compressed
        ctx.disableCompression();
        if (range == ByteRange.UNSATISFIABLE) {
            ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE).header("Content-Range", "bytes */" + size);
            return;
        }
        long length = range.last() - range.first() + 1;
        ctx.status(HttpStatus.PARTIAL_CONTENT)
                .header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size)
                .header("Content-Length", Long.toString(length));
        if ("HEAD".equals(ctx.method().name())) {
            return;
        }
        try {
            channel.position(range.first());
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[8192];
            long remaining = length;
            OutputStream out = ctx.outputStream();
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        } catch (IOException e) {
            // the client went away mid-transfer; nothing to answer any more
        }
    }

    /** Serves the file gzip-compressed as a download of its own ({@code epg.xml.gz}). */
    void serveGzipped(Context ctx, Path file) {
        attributes(file);
        ctx.disableCompression();
        ctx.contentType("application/gzip");
        ctx.header("Cache-Control", "no-cache");
        if ("HEAD".equals(ctx.method().name())) {
            return;
        }
        try (InputStream in = open(file);
                OutputStream out = new GZIPOutputStream(ctx.outputStream(), 64 * 1024)) {
            in.transferTo(out);
        } catch (IOException e) {
            // the client went away mid-download; nothing to answer any more
        }
    }

    private static boolean notModified(Context ctx, String etag, Instant modified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(etag);
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                return !modified.isAfter(
                        ZonedDateTime.parse(ifModifiedSince, HTTP_DATE).toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new StorageException(
                    "published file " + file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static SeekableByteChannel openChannel(Path file) {
        try {
            return Files.newByteChannel(file);
        } catch (IOException e) {
            throw new StorageException(
                    "published file " + file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static long size(SeekableByteChannel channel, Path file) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new StorageException(
                    "published file " + file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new StorageException(
                    "published file " + file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
