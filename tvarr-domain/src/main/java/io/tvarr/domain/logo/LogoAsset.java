package io.tvarr.domain.logo;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A cached logo, stored content-addressed.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes; also the file name
 * @param extension file extension matching the sniffed type (png, jpg, gif, webp, svg)
 * @param originalUrl where it was downloaded from; null for uploads
 */
public record LogoAsset(
        String sha256,
        String extension,
        String contentType,
        long size,
        @Nullable String originalUrl,
        @Nullable String etag,
        @Nullable String lastModified,
        Instant fetchedAt) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public LogoAsset {
        if (!HEX.matcher(Checks.requireText(sha256, "sha256")).matches()) {
            throw new ValidationException("sha256: '" + sha256 + "' (expected: 64 lower-case hex digits)");
        }
        extension = Checks.requireText(extension, "extension");
        contentType = Checks.requireText(contentType, "content_type");
        if (size < 0) {
            throw new ValidationException("size: " + size + " (expected: >= 0)");
        }
        Checks.requireNonNull(fetchedAt, "fetched_at");
    }

    public String fileName() {
        return sha256 + "." + extension;
    }
}
