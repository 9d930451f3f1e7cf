package io.tvarr.domain.relay;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A player's request for a file (a movie, an episode): the byte range it asked for, if any, and whether it wants the
 * headers only.
 *
 * @param range the player's {@code Range} header when it is a byte range ({@code bytes=…}); anything else is dropped
 *     here, since a server may ignore a Range it does not serve (RFC 9110 §14.2) and the whole file is then sent
 * @param headOnly a {@code HEAD} request: the upstream's status and headers, no body
 */
public record FileRequest(@Nullable String range, boolean headOnly) {
    private static final Pattern BYTE_RANGES = Pattern.compile("bytes=\\s*(\\d*-\\d*)(\\s*,\\s*\\d*-\\d*)*\\s*");

    public FileRequest {
        if (range != null
                && (range.length() > 512 || !BYTE_RANGES.matcher(range).matches() || range.endsWith("=-"))) {
            range = null;
        }
    }

    /** The whole file's bytes. */
    public static FileRequest whole() {
        return new FileRequest(null, false);
    }
}
