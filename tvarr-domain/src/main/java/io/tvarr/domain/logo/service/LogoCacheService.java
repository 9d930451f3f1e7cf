package io.tvarr.domain.logo.service;

import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.logo.FetchedLogo;
import io.tvarr.domain.logo.ImageFormat;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoCacheResult;
import io.tvarr.domain.logo.LogoSettings;
import io.tvarr.domain.logo.SvgSafety;
import io.tvarr.domain.logo.port.in.CacheLogosUseCase;
import io.tvarr.domain.logo.port.out.LogoAssetRepository;
import io.tvarr.domain.logo.port.out.LogoFetcher;
import io.tvarr.domain.logo.port.out.LogoStore;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logo cache: downloads logos (a bounded number at once), keeps only real images, stores them by the SHA-256
 * of their bytes, and revalidates old ones with ETag/Last-Modified instead of downloading them again. Thread-safe.
 */
public final class LogoCacheService implements CacheLogosUseCase {
    private static final Logger log = LoggerFactory.getLogger(LogoCacheService.class);
    private static final Pattern CACHED_REFERENCE = Pattern.compile("/logos/([0-9a-f]{64}\\.[a-z]{3,4})");
    /** Uploads are kept this long even unreferenced, so a user can write the rule that uses one. */
    private static final Duration UPLOAD_GRACE = Duration.ofDays(1);

    /** The stores the cache reads and writes. */
    public record Stores(
            LogoAssetRepository assets,
            LogoStore files,
            StreamSourceRepository sources,
            ChannelRepository channels,
            DataMappingRuleRepository rules) {}

    private final Stores stores;
    private final LogoFetcher fetcher;
    private final LogoSettings settings;
    private final Executor executor;
    private final Clock clock;

    public LogoCacheService(Stores stores, LogoFetcher fetcher, LogoSettings settings, Executor executor, Clock clock) {
        this.stores = stores;
        this.fetcher = fetcher;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public LogoCacheResult cache(Collection<String> urls) {
        Map<String, LogoAsset> known = new HashMap<>();
        stores.assets().forEach(asset -> {
            if (asset.originalUrl() != null) {
                known.put(asset.originalUrl(), asset);
            }
        });
        Map<String, String> cached = new ConcurrentHashMap<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        Instant staleBefore = clock.instant().minus(settings.revalidateAfter());
        Semaphore permits = new Semaphore(settings.concurrency());
        List<CompletableFuture<Void>> downloads = new ArrayList<>();
        for (String url : new LinkedHashSet<>(urls)) {
            LogoAsset existing = known.get(url);
            if (existing != null
                    && existing.fetchedAt().isAfter(staleBefore)
                    && stores.files().find(existing.fileName()).isPresent()) {
                cached.put(url, existing.fileName());
                continue;
            }
            permits.acquireUninterruptibly();
            downloads.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            cached.put(url, download(url, existing).fileName());
                        } catch (TvarrException e) {
                            failed.put(url, e.getMessage());
                        } catch (RuntimeException e) {
                            log.warn("logo download failed url={} reason={}", url, e.toString());
                            failed.put(url, "unexpected failure: " + e);
                        } finally {
                            permits.release();
                        }
                    },
                    executor));
        }
        CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)).join();
        if (!failed.isEmpty()) {
            log.info("logos cached cached={} failed={}", cached.size(), failed.size());
        }
        return new LogoCacheResult(cached, failed);
    }

    private LogoAsset download(String url, @Nullable LogoAsset existing) {
        boolean haveFile =
                existing != null && stores.files().find(existing.fileName()).isPresent();
        FetchedLogo fetched = fetcher.fetch(
                url, haveFile ? existing.etag() : null, haveFile ? existing.lastModified() : null, settings.maxBytes());
        if (fetched.notModified() && haveFile) {
            LogoAsset touched = new LogoAsset(
                    existing.sha256(),
                    existing.extension(),
                    existing.contentType(),
                    existing.size(),
                    url,
                    existing.etag(),
                    existing.lastModified(),
                    clock.instant());
            stores.assets().upsert(touched);
            return touched;
        }
        return store(fetched.bytes(), url, fetched.etag(), fetched.lastModified());
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
        return store(bytes, null, null, null);
    }

    private LogoAsset store(byte[] bytes, @Nullable String url, @Nullable String etag, @Nullable String lastModified) {
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
        stores.files().write(asset.fileName(), bytes);
        stores.assets().upsert(asset);
        return asset;
    }

    @Override
    public Optional<Path> file(String fileName) {
        return stores.files().find(fileName);
    }

    @Override
    public int cleanup() {
        Set<String> referencedUrls = new HashSet<>();
        for (StreamSource source : stores.sources().findAll()) {
            stores.channels().forEachBySource(source.id(), channel -> {
                if (channel.logoUrl() != null) {
                    referencedUrls.add(channel.logoUrl());
                }
            });
        }
        Set<String> referencedFiles = new HashSet<>();
        stores.rules().findAll().forEach(rule -> {
            Matcher m = CACHED_REFERENCE.matcher(rule.expression());
            while (m.find()) {
                referencedFiles.add(m.group(1));
            }
        });
        Instant uploadCutoff = clock.instant().minus(UPLOAD_GRACE);
        Set<String> kept = new HashSet<>();
        List<LogoAsset> unused = new ArrayList<>();
        stores.assets().forEach(asset -> {
            boolean used = referencedFiles.contains(asset.fileName())
                    || (asset.originalUrl() != null && referencedUrls.contains(asset.originalUrl()))
                    || (asset.originalUrl() == null && asset.fetchedAt().isAfter(uploadCutoff));
            if (used) {
                kept.add(asset.fileName());
            } else {
                unused.add(asset);
            }
        });
        int removed = 0;
        for (LogoAsset asset : unused) {
            stores.assets().delete(asset.sha256());
            if (stores.files().delete(asset.fileName())) {
                removed++;
            }
        }
        // files without a row (a crash between writing the file and the row) go too
        List<String> orphans = new ArrayList<>();
        stores.files().forEachFile(name -> {
            if (!kept.contains(name)) {
                orphans.add(name);
            }
        });
        for (String orphan : orphans) {
            if (stores.files().delete(orphan)) {
                removed++;
            }
        }
        log.info("logos cleaned up removed={} kept={}", removed, kept.size());
        return removed;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
