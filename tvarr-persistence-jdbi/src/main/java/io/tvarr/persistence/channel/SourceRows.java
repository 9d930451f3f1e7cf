package io.tvarr.persistence.channel;

import io.tvarr.persistence.sql.Vendor;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Takes a source's rows out of the channel table at the start of its replace, the cheapest way the table allows,
 * and puts back afterwards what that way set aside.
 *
 * <p>On SQLite, when no other source has rows in the table (a new store's first refresh, every refresh of a store
 * holding one source), the table is dropped and made again from its stored definition ({@code sqlite_master}), bare:
 * its pages are freed whole instead of visiting 100k rows in four B-trees (SQLite's own truncation of a {@code
 * DELETE} without {@code WHERE} does not apply to a table with a foreign key, #19), and the loaded rows get their
 * secondary indexes (the unique one on the id among them, V30) built once afterwards ({@link #restore()}) instead of
 * growing them a row at a time. All of it runs inside the replace's transaction, so a rollback brings the table back
 * as it was and readers never see it half made.
 * A table that another table's foreign key points at is never dropped (that would delete through the key). Other
 * vendors, and a table holding other sources' rows, delete the source's rows with their indexes in place.
 */
final class SourceRows {
    private final Handle handle;
    private final List<String> setAside;
    private boolean restored;

    private SourceRows(Handle handle, List<String> setAside) {
        this.handle = handle;
        this.setAside = setAside;
    }

    /** Removes the source's rows; {@link #restore()} once the new rows are in. */
    static SourceRows remove(Handle handle, Vendor vendor, String source) {
        if (vendor == Vendor.SQLITE && holdsNoOtherSource(handle, source) && !referenced(handle)) {
            String table = handle.createQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'channel'")
                    .mapTo(String.class)
                    .one();
            // the primary key's own index has no SQL of its own and comes back with the table
            List<String> setAside = handle.createQuery("SELECT sql FROM sqlite_master WHERE tbl_name = 'channel'"
                            + " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
                    .mapTo(String.class)
                    .list();
            handle.execute("DROP TABLE channel");
            handle.execute(table);
            return new SourceRows(handle, setAside);
        }
        handle.createUpdate("DELETE FROM channel WHERE source_id = :source")
                .bind("source", source)
                .execute();
        return new SourceRows(handle, List.of());
    }

    /**
     * Makes what was set aside again (indexes before triggers), from the rows loaded so far; once, later calls do
     * nothing. The load calls it early when a channel repeats: the repeat's upsert needs the unique index on the id.
     */
    void restore() {
        if (!restored) {
            restored = true;
            setAside.forEach(handle::execute);
        }
    }

    /** Two range probes of {@code channel_by_source}, not a count of the table. */
    private static boolean holdsNoOtherSource(Handle handle, String source) {
        return handle.createQuery("SELECT NOT EXISTS (SELECT 1 FROM channel WHERE source_id < :source)"
                        + " AND NOT EXISTS (SELECT 1 FROM channel WHERE source_id > :source)")
                .bind("source", source)
                .mapTo(Boolean.class)
                .one();
    }

    private static boolean referenced(Handle handle) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                        + " WHERE m.type = 'table' AND LOWER(f.\"table\") = 'channel')")
                .mapTo(Boolean.class)
                .one();
    }
}
