package io.tvarr.domain.logo.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoSettings;
import io.tvarr.domain.logo.port.in.UploadLogoUseCase;

/** Adds uploaded logos to the cache under the same checks as downloaded ones. Thread-safe. */
public final class LogoUploader implements UploadLogoUseCase {
    private final CachedLogos cached;
    private final LogoSettings settings;

    public LogoUploader(CachedLogos cached, LogoSettings settings) {
        this.cached = cached;
        this.settings = settings;
    }

    @Override
    public LogoAsset upload(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ValidationException("logo: the upload is empty");
        }
        if (bytes.length > settings.maxBytes()) {
            throw new ValidationException(
                    "logo: " + bytes.length + " bytes (expected: at most " + settings.maxBytes() + ")");
        }
        return cached.keep(bytes, null, null, null);
    }
}
