package io.tvarr.http.proxy;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Serves a published file with validators (ETag from size and modification time, Last-Modified), conditional
 * requests (304), byte ranges (206) and gzip when the client accepts it. Files are replaced by atomic rename, so an
 * open stream always reads one complete version.
 */
final class PublishedFiles {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    void serve(Context ctx, Path file, String contentType) {
        BasicFileAttributes attributes = attributes(file);
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Encoding");
        if (notModified(ctx, etag, modified)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(contentType);
        ctx.header("Accept-Ranges", "bytes");
        String range = ctx.header("Range");
        if (range != null) {
            ByteRange requested = ByteRange.parse(range, attributes.size());
            if (requested != null) {
                sendRange(ctx, file, requested, attributes.size());
                return;
            }
        }
        ctx.result(open(file));
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

    private static void sendRange(Context ctx, Path file, ByteRange range, long size) {
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
        try (InputStream in = open(file)) {
            in.skipNBytes(range.first());
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

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new StorageException(
                    "published file " + file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
