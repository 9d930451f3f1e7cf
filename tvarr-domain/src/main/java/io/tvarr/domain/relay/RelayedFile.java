package io.tvarr.domain.relay;

import java.io.InputStream;
import java.util.Map;

/**
 * The upstream's answer to a {@link FileRequest}, passed on to the player as it came: {@code 200} with the whole
 * file when the upstream ignores ranges, {@code 206} with the part asked for, {@code 416} when the range lies past
 * the file's end. Holds a provider connection until closed; not thread-safe (one reader).
 */
public interface RelayedFile extends AutoCloseable {
    /** The upstream's status: 200, 206 or 416. */
    int status();

    /**
     * The upstream's headers a player needs to seek, those it sent among {@code Content-Length}, {@code
     * Content-Range} and {@code Accept-Ranges}, by those names.
     */
    Map<String, String> headers();

    /** The bytes; empty for a {@link FileRequest#headOnly()} request. Closed with this answer. */
    InputStream body();

    /** Ends the upstream request and releases its connection. */
    @Override
    void close();
}
