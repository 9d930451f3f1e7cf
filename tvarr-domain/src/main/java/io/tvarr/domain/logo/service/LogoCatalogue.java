package io.tvarr.domain.logo.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.logo.CachedLogo;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoFailure;
import io.tvarr.domain.logo.LogoQuery;
import io.tvarr.domain.logo.port.in.BrowseLogosUseCase;
import io.tvarr.domain.logo.port.in.RemoveLogosUseCase;
import io.tvarr.domain.logo.port.out.LogoAssetRepository;
import io.tvarr.domain.logo.port.out.LogoFailureRepository;
import io.tvarr.domain.logo.port.out.LogoStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cache as people look at it: pages of cached and failed logos, and removing them by hand. Thread-safe. */
public final class LogoCatalogue implements BrowseLogosUseCase, RemoveLogosUseCase {
    private static final Logger log = LoggerFactory.getLogger(LogoCatalogue.class);

    private final LogoAssetRepository assets;
    private final LogoFailureRepository failures;
    private final LogoStore files;

    public LogoCatalogue(LogoAssetRepository assets, LogoFailureRepository failures, LogoStore files) {
        this.assets = assets;
        this.failures = failures;
        this.files = files;
    }

    @Override
    public Page<CachedLogo> cached(LogoQuery query) {
        Page<LogoAsset> page = assets.findPage(query);
        List<String> urls = page.items().stream()
                .map(LogoAsset::originalUrl)
                .filter(Objects::nonNull)
                .toList();
        // one query for the page's failures, not one per logo
        Map<String, LogoFailure> failed = new HashMap<>();
        if (!urls.isEmpty()) {
            failures.findByUrls(urls).forEach(f -> failed.put(f.url(), f));
        }
        List<CachedLogo> items = page.items().stream()
                .map(a -> new CachedLogo(a, a.originalUrl() == null ? null : failed.get(a.originalUrl())))
                .toList();
        return new Page<>(items, page.page(), page.size(), page.total());
    }

    @Override
    public Page<LogoFailure> failed(LogoQuery query) {
        return failures.findPage(query);
    }

    @Override
    public long failedCount() {
        return failures.count();
    }

    @Override
    public void delete(String sha256) {
        LogoAsset asset = assets.findBySha256(sha256)
                .orElseThrow(() -> new NotFoundException("logo '" + sha256 + "': not cached"));
        // the row before the file: a crash in between leaves an orphan file, which cleanup removes
        assets.delete(asset.sha256());
        files.delete(asset.fileName());
        log.info("logo removed sha256={}", sha256);
    }

    @Override
    public int clearFailures() {
        int cleared = failures.deleteAll();
        log.info("logo failures cleared count={}", cleared);
        return cleared;
    }
}
