package io.tvarr.domain.source.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceFileKind;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import io.tvarr.domain.source.port.out.SourceFileStore;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.zip.GZIPInputStream;

/**
 * The rules of an uploaded playlist or guide: not empty, of its kind by its first bytes, no larger than the limit.
 * A file passing them is kept in the {@link SourceFileStore}; one failing them is never stored. Thread-safe.
 */
public final class SourceFiles implements KeepSourceFilesUseCase {
    /** The default upload limit: 1 GiB, above the largest real guides (a few hundred MB uncompressed). */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    /** Enough of the file to tell its kind, even after an XML declaration, a doctype and comments. */
    private static final int HEAD = 8192;

    private final SourceFileStore store;
    private final long maxBytes;

    /** @param maxBytes the largest upload accepted, in bytes (as sent: a gzipped file counts compressed) */
    public SourceFiles(SourceFileStore store, long maxBytes) {
        if (maxBytes < 1) {
            throw new ValidationException("sources.max_upload_bytes: " + maxBytes + " (expected: 1 or more)");
        }
        this.store = store;
        this.maxBytes = maxBytes;
    }

    @Override
    public URI store(SourceFileKind kind, InputStream content) {
        BufferedInputStream in = new BufferedInputStream(content, HEAD);
        byte[] head;
        try {
            in.mark(HEAD);
            head = in.readNBytes(HEAD);
            in.reset();
        } catch (IOException e) {
            throw new ValidationException("file: the upload could not be read (" + e.getMessage() + ")", e);
        }
        if (head.length == 0) {
            throw new ValidationException("file: the upload is empty");
        }
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        kind.check(gzip ? gunzipped(head) : head);
        return store.store(kind.suffix(gzip), new CappedUpload(in, maxBytes));
    }

    @Override
    public void release(URI url) {
        store.delete(url);
    }

    /** What the first bytes of a gzip file expand to, as far as they go: the rest of the file is not here. */
    private static byte[] gunzipped(byte[] head) {
        byte[] out = new byte[HEAD];
        int length = 0;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(head))) {
            int read;
            while (length < out.length && (read = gzip.read(out, length, out.length - length)) > 0) {
                length += read;
            }
        } catch (IOException endOfHead) {
            // the head ends inside the compressed stream: what was expanded so far is what is judged
        }
        return java.util.Arrays.copyOf(out, length);
    }
}
