package io.tvarr.domain.source.port.in;

import io.tvarr.domain.source.SourceFileKind;
import java.io.InputStream;
import java.net.URI;

/**
 * Uploaded playlists and guides kept as files that sources read through their {@code file:} URLs. Used by the
 * upload and source services of channel sources and guides alike.
 */
public interface KeepSourceFilesUseCase {
    /**
     * Checks and keeps an uploaded file, streaming it; the caller owns and closes {@code content}.
     *
     * @return the kept file's {@code file:} URL
     * @throws io.tvarr.domain.ValidationException naming the field {@code file}: empty, not of {@code kind}, or
     *     over the limit; nothing is kept then
     */
    URI store(SourceFileKind kind, InputStream content);

    /** Deletes {@code url}'s file when it is a kept upload; any other URL is left alone. */
    void release(URI url);
}
