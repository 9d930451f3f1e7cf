package io.tvarr.persistence.channel;

import io.tvarr.persistence.sql.Vendor;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The channel table's secondary indexes, set aside for a bulk load into an empty table on SQLite: building an index
 * once from the loaded rows costs less than growing it a row at a time, as the table's first refresh (and every
 * refresh of a store holding one source) does. The indexes are dropped and made again from their own stored
 * definitions inside the replace's transaction, so a rollback brings them back as they were and readers never see
 * the table without them. Other vendors, and a table that still holds channels, keep their indexes as they are.
 */
final class SecondaryIndexes {
    private final Handle handle;
    private final List<String> definitions;

    private SecondaryIndexes(Handle handle, List<String> definitions) {
        this.handle = handle;
        this.definitions = definitions;
    }

    /** Drops the indexes when the table is empty on SQLite; {@link #restore()} makes them again. */
    static SecondaryIndexes setAsideIfEmpty(Handle handle, Vendor vendor) {
        if (vendor != Vendor.SQLITE
                || handle.createQuery("SELECT EXISTS (SELECT 1 FROM channel)")
                        .mapTo(Boolean.class)
                        .one()) {
            return new SecondaryIndexes(handle, List.of());
        }
        // the primary key's own index has no SQL of its own and stays
        List<String> names = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'index'"
                        + " AND tbl_name = 'channel' AND sql IS NOT NULL ORDER BY name")
                .mapTo(String.class)
                .list();
        List<String> definitions = handle.createQuery("SELECT sql FROM sqlite_master WHERE type = 'index'"
                        + " AND tbl_name = 'channel' AND sql IS NOT NULL ORDER BY name")
                .mapTo(String.class)
                .list();
        for (String name : names) {
            handle.execute("DROP INDEX \"" + name.replace("\"", "\"\"") + "\"");
        }
        return new SecondaryIndexes(handle, definitions);
    }

    /** Makes the indexes set aside again, from the loaded rows. */
    void restore() {
        definitions.forEach(handle::execute);
    }
}
