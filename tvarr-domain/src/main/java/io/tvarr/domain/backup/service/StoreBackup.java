package io.tvarr.domain.backup.service;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.backup.BackupManifest;
import io.tvarr.domain.backup.BackupSummary;
import io.tvarr.domain.backup.port.in.BackUpStoreUseCase;
import io.tvarr.domain.backup.port.in.RestoreStoreUseCase;
import io.tvarr.domain.backup.port.out.StoreSnapshots;
import io.tvarr.domain.backup.port.out.StoreSnapshots.StoreLoad;
import io.tvarr.domain.logo.port.out.LogoStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup archive: a zip whose first entry is the manifest, then one entry of rows per table
 * ({@code database/<table>.rows}) in the manifest's order, then the cached logos ({@code logos/<file>}). The manifest
 * comes first so a restore refuses a foreign or newer archive before it reads a row, and the rows are loaded in one
 * transaction, so a damaged or truncated archive leaves the store as it was. Thread-safe.
 */
public final class StoreBackup implements BackUpStoreUseCase, RestoreStoreUseCase {
    private static final Logger log = LoggerFactory.getLogger(StoreBackup.class);
    static final String MANIFEST = "manifest.properties";
    static final String ROWS = "database/";
    static final String ROWS_SUFFIX = ".rows";
    static final String LOGOS = "logos/";
    /** Far above any logo the cache accepts, so a hostile archive cannot make a restore hold gigabytes. */
    private static final int MAX_LOGO_BYTES = 16 * 1024 * 1024;

    private final StoreSnapshots store;
    private final LogoStore logos;
    private final Clock clock;
    private final String tvarrVersion;

    public StoreBackup(StoreSnapshots store, LogoStore logos, Clock clock, String tvarrVersion) {
        this.store = store;
        this.logos = logos;
        this.clock = clock;
        this.tvarrVersion = tvarrVersion;
    }

    @Override
    public BackupSummary backUp(OutputStream out) {
        BackupManifest manifest = new BackupManifest(
                BackupManifest.CURRENT_FORMAT,
                store.schemaVersion(),
                store.vendor(),
                tvarrVersion,
                clock.instant(),
                store.tables());
        CountingOutputStream counted = new CountingOutputStream(out);
        try (ZipOutputStream zip = new ZipOutputStream(new KeptOpenOutputStream(counted))) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            ManifestFile.write(manifest, zip);
            zip.closeEntry();
            Map<String, Long> rows = store.read(table -> {
                zip.putNextEntry(new ZipEntry(ROWS + table + ROWS_SUFFIX));
                return new KeptOpenOutputStream(zip);
            });
            int logoCount = writeLogos(zip);
            zip.finish();
            BackupSummary summary = new BackupSummary(manifest, rows, logoCount, counted.count());
            log.info(
                    "backup written schema={} tables={} rows={} logos={} bytes={}",
                    manifest.schema(),
                    rows.size(),
                    summary.totalRows(),
                    logoCount,
                    counted.count());
            return summary;
        } catch (IOException e) {
            throw new StorageException("backup: cannot write the archive (" + e.getMessage() + ")", e);
        }
    }

    private int writeLogos(ZipOutputStream zip) {
        int[] count = {0};
        logos.forEachFile(name -> {
            Optional<Path> file = logos.find(name);
            if (file.isEmpty()) {
                return; // removed by the cache's clean-up while the backup ran
            }
            try {
                zip.putNextEntry(new ZipEntry(LOGOS + name));
                Files.copy(file.get(), zip);
                zip.closeEntry();
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException("backup: logo " + name + " cannot be read", e);
            }
        });
        return count[0];
    }

    @Override
    public BackupSummary restore(InputStream archive) {
        CountingInputStream counted = new CountingInputStream(archive);
        try (ZipInputStream zip = new ZipInputStream(new KeptOpenInputStream(counted))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !MANIFEST.equals(first.getName())) {
                throw new ValidationException("backup archive: not a tvarr backup (its first entry is "
                        + (first == null ? "missing" : "'" + first.getName() + "'") + ", not " + MANIFEST + ")");
            }
            BackupManifest manifest = ManifestFile.read(new KeptOpenInputStream(zip));
            refuseIfUnreadable(manifest);
            Map<String, Long> rows = new LinkedHashMap<>();
            int logoCount = 0;
            try (StoreLoad load = store.load(manifest.schema())) {
                Set<String> expected = new HashSet<>(manifest.tables());
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    if (name.startsWith(ROWS) && name.endsWith(ROWS_SUFFIX)) {
                        String table = name.substring(ROWS.length(), name.length() - ROWS_SUFFIX.length());
                        if (!expected.remove(table)) {
                            throw new ValidationException("backup archive: entry '" + name
                                    + "' is a table the manifest does not list, or listed twice");
                        }
                        rows.put(table, load.table(table, new KeptOpenInputStream(zip)));
                    } else if (name.startsWith(LOGOS) && !entry.isDirectory()) {
                        logos.write(name.substring(LOGOS.length()), readLogo(zip, name));
                        logoCount++;
                    } else if (!entry.isDirectory()) {
                        throw new ValidationException("backup archive: unexpected entry '" + name + "'");
                    }
                }
                if (!expected.isEmpty()) {
                    throw new ValidationException("backup archive: truncated, the rows of " + expected
                            + " are missing; nothing was restored");
                }
                load.commit();
            }
            BackupSummary summary = new BackupSummary(manifest, rows, logoCount, counted.count());
            log.info(
                    "backup restored schema={} from={} made={} rows={} logos={}",
                    manifest.schema(),
                    manifest.vendor(),
                    manifest.createdAt(),
                    summary.totalRows(),
                    logoCount);
            return summary;
        } catch (ZipException | java.io.EOFException e) {
            throw new ValidationException("backup archive: damaged (" + e.getMessage() + "); nothing was restored", e);
        } catch (IOException e) {
            throw new StorageException("backup archive: cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private void refuseIfUnreadable(BackupManifest manifest) {
        if (manifest.format() > BackupManifest.CURRENT_FORMAT) {
            throw new ValidationException("backup archive: layout " + manifest.format()
                    + " comes from a newer tvarr (" + manifest.tvarrVersion() + "); this one reads layout "
                    + BackupManifest.CURRENT_FORMAT + " only. Upgrade tvarr to restore it.");
        }
        if (manifest.schema().isNewerThan(store.schemaVersion())) {
            throw new ValidationException("backup archive: made by tvarr " + manifest.tvarrVersion()
                    + " with database schema " + manifest.schema() + ", newer than this tvarr's schema "
                    + store.schemaVersion() + ". Upgrade tvarr to restore it; nothing was changed.");
        }
    }

    private static byte[] readLogo(InputStream zip, String name) throws IOException {
        byte[] bytes = zip.readNBytes(MAX_LOGO_BYTES + 1);
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new ValidationException(
                    "backup archive: logo '" + name + "' is larger than " + MAX_LOGO_BYTES + " bytes");
        }
        return bytes;
    }
}
