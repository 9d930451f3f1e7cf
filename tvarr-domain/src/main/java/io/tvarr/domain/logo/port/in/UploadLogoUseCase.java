package io.tvarr.domain.logo.port.in;

import io.tvarr.domain.logo.LogoAsset;

/** Adding a logo a user uploads, to refer to from mapping rules. Thread-safe. */
public interface UploadLogoUseCase {
    /**
     * Stores an uploaded image after checking it is one (by its first bytes) and within the size limit.
     *
     * @throws io.tvarr.domain.ValidationException when the bytes are empty, too many, not an image, or an unsafe
     *     SVG
     */
    LogoAsset upload(byte[] bytes);
}
