package io.tvarr.domain.logo.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoQuery;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores logo metadata; the bytes live in the logo store on disk. */
public interface LogoAssetRepository {
    void upsert(LogoAsset asset);

    Optional<LogoAsset> findBySha256(String sha256);

    Optional<LogoAsset> findByOriginalUrl(String url);

    void forEach(Consumer<LogoAsset> consumer);

    boolean delete(String sha256);

    /** One page of the cache, newest fetch first; the text matches the original URL (uploads match no text). */
    Page<LogoAsset> findPage(LogoQuery query);
}
