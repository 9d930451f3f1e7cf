package io.tvarr.domain.logo.service;

import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.port.in.CleanUpLogosUseCase;
import io.tvarr.domain.logo.port.out.LogoAssetRepository;
import io.tvarr.domain.logo.port.out.LogoStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes cached logos nothing refers to any more, and files a crash left without a row. */
public final class LogoGarbageCollector implements CleanUpLogosUseCase {
    private static final Logger log = LoggerFactory.getLogger(LogoGarbageCollector.class);
    /** Uploads are kept this long even unreferenced, so a user can write the rule that uses one. */
    private static final Duration UPLOAD_GRACE = Duration.ofDays(1);

    private final LogoAssetRepository assets;
    private final LogoStore files;
    private final LogoReferences references;
    private final Clock clock;

    public LogoGarbageCollector(LogoAssetRepository assets, LogoStore files, LogoReferences references, Clock clock) {
        this.assets = assets;
        this.files = files;
        this.references = references;
        this.clock = clock;
    }

    @Override
    public int cleanup() {
        Set<String> referencedUrls = references.channelLogoUrls();
        Set<String> referencedFiles = references.filesInRules();
        Instant uploadCutoff = clock.instant().minus(UPLOAD_GRACE);
        Set<String> kept = new HashSet<>();
        List<LogoAsset> unused = new ArrayList<>();
        assets.forEach(asset -> {
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
            assets.delete(asset.sha256());
            if (files.delete(asset.fileName())) {
                removed++;
            }
        }
        removed += removeOrphans(kept);
        log.info("logos cleaned up removed={} kept={}", removed, kept.size());
        return removed;
    }

    /** Files without a row: a crash between writing the file and its row. */
    private int removeOrphans(Set<String> kept) {
        List<String> orphans = new ArrayList<>();
        // collected first: deleting while the directory is being listed is undefined on some file systems
        files.forEachFile(name -> {
            if (!kept.contains(name)) {
                orphans.add(name);
            }
        });
        int removed = 0;
        for (String orphan : orphans) {
            if (files.delete(orphan)) {
                removed++;
            }
        }
        return removed;
    }
}
