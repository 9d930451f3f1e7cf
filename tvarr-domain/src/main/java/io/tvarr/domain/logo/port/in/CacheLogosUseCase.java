package io.tvarr.domain.logo.port.in;

import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoCacheResult;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** Caching channel logos, uploads, serving and cleanup. */
public interface CacheLogosUseCase {
    /** Downloads what is missing or stale, concurrently; never throws for one bad logo. */
    LogoCacheResult cache(Collection<String> urls);

    /** Stores an uploaded image after checking it is one. */
    LogoAsset upload(byte[] bytes);

    /** The cached file, by its name {@code sha256.ext}. */
    Optional<Path> file(String fileName);

    /** Removes cached logos no channel and no mapping rule refers to; returns how many went. */
    int cleanup();
}
