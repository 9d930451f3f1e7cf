package io.tvarr.domain.logo.port.out;

import io.tvarr.domain.logo.FetchedLogo;
import org.jspecify.annotations.Nullable;

/** Downloads logos over HTTP(S) with conditional requests. */
public interface LogoFetcher {
    /**
     * Fetches the logo, sending the validators when given.
     *
     * @throws io.tvarr.domain.UpstreamException when the server fails, times out, or sends more than
     *     {@code maxBytes}
     * @throws io.tvarr.domain.ValidationException when the URL is not an http or https URL
     */
    FetchedLogo fetch(String url, @Nullable String etag, @Nullable String lastModified, int maxBytes);
}
