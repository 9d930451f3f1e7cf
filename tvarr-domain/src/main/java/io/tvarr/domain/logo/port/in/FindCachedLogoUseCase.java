package io.tvarr.domain.logo.port.in;

import java.nio.file.Path;
import java.util.Optional;

/** Finding a cached logo to serve it. Thread-safe. */
public interface FindCachedLogoUseCase {
    /** The cached file, by its name {@code sha256.ext}; empty for an unknown or malformed name. */
    Optional<Path> file(String fileName);
}
