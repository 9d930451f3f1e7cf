package io.tvarr.domain.logo;

import org.jspecify.annotations.Nullable;

/**
 * What a logo download returned.
 *
 * @param notModified the server answered 304 to the validators sent; {@code bytes} is then empty
 */
public record FetchedLogo(
        boolean notModified,
        byte[] bytes,
        @Nullable String etag,
        @Nullable String lastModified) {
    public static FetchedLogo unchanged() {
        return new FetchedLogo(true, new byte[0], null, null);
    }
}
