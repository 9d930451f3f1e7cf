package io.tvarr.domain.backup;

import io.tvarr.domain.Checks;
import java.time.Instant;
import java.util.List;

/**
 * What an archive holds, written first in it so a restore can refuse an archive before touching the store.
 *
 * @param format the archive layout's version, raised when the layout changes
 * @param schema the store's schema version when the archive was made; rows are in that schema
 * @param vendor the database the rows came from (sqlite, postgresql, mysql); any vendor can restore them
 * @param tables the tables in the order they were written, parents before the tables referring to them
 */
public record BackupManifest(
        int format, SchemaVersion schema, String vendor, String tvarrVersion, Instant createdAt, List<String> tables) {
    public static final int CURRENT_FORMAT = 1;

    public BackupManifest {
        Checks.requireNonNull(schema, "schema");
        vendor = Checks.requireText(vendor, "vendor");
        tvarrVersion = Checks.requireText(tvarrVersion, "tvarr_version");
        Checks.requireNonNull(createdAt, "created_at");
        tables = List.copyOf(tables);
    }
}
