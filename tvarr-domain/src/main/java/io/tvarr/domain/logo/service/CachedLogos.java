package io.tvarr.domain.logo.service;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.logo.ImageFormat;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.SvgSafety;
import io.tvarr.domain.logo.port.in.FindCachedLogoUseCase;
import io.tvarr.domain.logo.port.out.LogoAssetRepository;
import io.tvarr.domain.logo.port.out.LogoFailureRepository;
import io.tvarr.domain.logo.port.out.LogoStore;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the cache holds: a row and a file per logo, stored by the SHA-256 of the bytes. Everything that enters goes
 * through {@link #keep}, which admits only real images (by their first bytes) and safe SVGs, so downloads and
 * uploads obey the same rules. Thread-safe.
 */
public final class CachedLogos implements FindCachedLogoUseCase {
    private final LogoAssetRepository assets;
    private final LogoStore files;
    private final LogoFailureRepository failures;
    private final Clock clock;

    public CachedLogos(LogoAssetRepository assets, LogoStore files, LogoFailureRepository failures, Clock clock) {
        this.assets = assets;
        this.files = files;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public Optional<Path> file(String fileName) {
        return files.find(fileName);
    }

    /** The downloaded logos by the URL they came from (uploads have none). */
    Map<String, LogoAsset> byOriginalUrl() {
        Map<String, LogoAsset> known = new HashMap<>();
        assets.forEach(asset -> {
            if (asset.originalUrl() != null) {
                known.put(asset.originalUrl(), asset);
            }
        });
        return known;
    }

    /**
     * Remembers the outcome of one round of downloads: each failure is recorded (or its count raised), and URLs that
     * failed before but worked now are forgotten.
     */
    void recordOutcome(Set<String> succeeded, Map<String, String> failed) {
        Instant now = clock.instant();
        // reasons quote the URL, which may carry the provider's credentials
        failed.forEach((url, reason) -> failures.recordFailure(url, Redaction.redactUrl(reason), now));
        Set<String> recovered = new HashSet<>(failures.urls());
        recovered.retainAll(succeeded);
        if (!recovered.isEmpty()) {
            failures.removeAll(recovered);
        }
    }

    boolean hasFile(LogoAsset asset) {
        return files.find(asset.fileName()).isPresent();
    }

    /** Fetched less than {@code maxAge} ago and its file still there: no need to ask the server. */
    boolean isFresh(LogoAsset asset, Duration maxAge) {
        return asset.fetchedAt().isAfter(clock.instant().minus(maxAge)) && hasFile(asset);
    }

    /** Records that the server confirmed the cached bytes are current. */
    LogoAsset revalidated(LogoAsset existing, String url) {
        LogoAsset touched = new LogoAsset(
                existing.sha256(),
                existing.extension(),
                existing.contentType(),
                existing.size(),
                url,
                existing.etag(),
                existing.lastModified(),
                clock.instant());
        assets.upsert(touched);
        return touched;
    }

    /**
     * Checks the bytes are an image tvarr accepts and stores them, the file before the row (a crash in between
     * leaves an orphan file, which cleanup removes, never a row without its file).
     *
     * @param url where they came from; null for an upload
     * @throws ValidationException when the bytes are no image or an unsafe SVG
     */
    LogoAsset keep(byte[] bytes, @Nullable String url, @Nullable String etag, @Nullable String lastModified) {
        String where = url == null ? "logo" : "logo " + url;
        ImageFormat format = ImageFormat.sniff(bytes)
                .orElseThrow(() -> new ValidationException(
                        where + ": not a PNG, JPEG, GIF, WebP or SVG image (first bytes do not match)"));
        if (format == ImageFormat.SVG) {
            SvgSafety.problem(bytes).ifPresent(problem -> {
                throw new ValidationException(where + ": refused, " + problem);
            });
        }
        LogoAsset asset = new LogoAsset(
                sha256(bytes),
                format.extension(),
                format.contentType(),
                bytes.length,
                url,
                etag,
                lastModified,
                clock.instant());
        files.write(asset.fileName(), bytes);
        assets.upsert(asset);
        return asset;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
