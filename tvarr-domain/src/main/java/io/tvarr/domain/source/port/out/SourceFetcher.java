package io.tvarr.domain.source.port.out;

import java.io.InputStream;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Opens playlists, guides and API responses from http(s) or allowed file locations, with timeouts, retries and a
 * size limit. The caller owns and closes the stream; reading past the limit fails with an UpstreamException.
 */
public interface SourceFetcher {
    /**
     * @param userAgent sent as User-Agent; null uses tvarr's default
     * @param maxBytes the most bytes that may be read from the body
     */
    InputStream open(URI url, @Nullable String userAgent, long maxBytes);
}
