package io.tvarr.domain.backup;

import java.util.Map;

/**
 * What a backup wrote or a restore loaded.
 *
 * @param rows rows per table, in the order they were handled
 */
public record BackupSummary(BackupManifest manifest, Map<String, Long> rows, int logos, long bytes) {
    public BackupSummary {
        rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
