package io.tvarr.domain.logo.service;

import io.tvarr.domain.Failures;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.logo.FetchedLogo;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoCacheResult;
import io.tvarr.domain.logo.LogoSettings;
import io.tvarr.domain.logo.port.in.CacheLogosUseCase;
import io.tvarr.domain.logo.port.out.LogoFetcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads logos into the cache, a bounded number at once, and revalidates old ones with ETag/Last-Modified
 * instead of downloading them again. Thread-safe.
 */
public final class LogoDownloader implements CacheLogosUseCase {
    private static final Logger log = LoggerFactory.getLogger(LogoDownloader.class);

    private final CachedLogos cached;
    private final LogoFetcher fetcher;
    private final LogoSettings settings;
    private final Executor executor;

    public LogoDownloader(CachedLogos cached, LogoFetcher fetcher, LogoSettings settings, Executor executor) {
        this.cached = cached;
        this.fetcher = fetcher;
        this.settings = settings;
        this.executor = executor;
    }

    @Override
    public LogoCacheResult cache(Collection<String> urls) {
        Map<String, LogoAsset> known = cached.byOriginalUrl();
        Map<String, String> done = new ConcurrentHashMap<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(settings.concurrency());
        List<CompletableFuture<Void>> downloads = new ArrayList<>();
        for (String url : new LinkedHashSet<>(urls)) {
            if (!isWebUrl(url)) {
                // file:, javascript: or data: in a provider's playlist: never fetched, reported with the reason
                failed.put(url, "not an http or https URL");
                continue;
            }
            LogoAsset existing = known.get(url);
            if (existing != null && cached.isFresh(existing, settings.revalidateAfter())) {
                done.put(url, existing.fileName());
                continue;
            }
            // acquired here, not in the task, so the loop itself waits and queued tasks stay within the limit
            permits.acquireUninterruptibly();
            downloads.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            done.put(url, download(url, existing).fileName());
                        } catch (TvarrException e) {
                            failed.put(url, e.getMessage());
                        } catch (RuntimeException e) {
                            log.warn(
                                    "logo download failed url={} reason={}",
                                    Redaction.redactUrl(url),
                                    Redaction.redactUrl(e.toString()));
                            failed.put(url, "unexpected failure: " + Failures.describe(e));
                        } finally {
                            permits.release();
                        }
                    },
                    executor));
        }
        CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)).join();
        cached.recordOutcome(done.keySet(), failed);
        if (!failed.isEmpty()) {
            log.info("logos cached cached={} failed={}", done.size(), failed.size());
        }
        return new LogoCacheResult(done, failed);
    }

    private LogoAsset download(String url, @Nullable LogoAsset existing) {
        // validators only for a file we still have: a 304 for a file that is gone would leave nothing to serve
        LogoAsset revalidating = existing != null && cached.hasFile(existing) ? existing : null;
        FetchedLogo fetched = fetcher.fetch(
                url,
                revalidating == null ? null : revalidating.etag(),
                revalidating == null ? null : revalidating.lastModified(),
                settings.maxBytes());
        if (fetched.notModified() && revalidating != null) {
            return cached.revalidated(revalidating, url);
        }
        return cached.keep(fetched.bytes(), url, fetched.etag(), fetched.lastModified());
    }

    private static boolean isWebUrl(String url) {
        return url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
    }
}
