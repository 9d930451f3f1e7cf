package io.tvarr.persistence.sql;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Empties a table of one source's rows by dropping it and making it again, where that is the cheapest way: on SQLite,
 * when no other source has rows in the table and no other table's foreign key points at it. Its pages are then freed
 * whole, instead of visiting every row in every B-tree of the table (SQLite's own truncation of a {@code DELETE}
 * without {@code WHERE} does not apply to a table with a foreign key, #19). The table comes back from its stored
 * definition ({@code sqlite_master}), bare; its indexes and triggers are handed to the caller, who makes them again
 * at once or after a load. Runs inside the caller's transaction, so a rollback brings the table back as it was and
 * readers never see it half made.
 */
public final class OnlySourceTable {
    private OnlySourceTable() {}

    /**
     * Drops and re-makes {@code table} when it holds no source but {@code source} (by its {@code source_id} column,
     * which an index must lead) and nothing references it; returns the definitions of its indexes and triggers
     * (indexes first) to run again, or empty when the caller must delete the source's rows itself (another vendor, or
     * other sources' rows present). {@code table} is a name of tvarr's schema, never user input.
     */
    public static Optional<List<String>> remake(Handle handle, Vendor vendor, String table, String source) {
        if (vendor != Vendor.SQLITE || !holdsNoOtherSource(handle, table, source) || referenced(handle, table)) {
            return Optional.empty();
        }
        String definition = handle.createQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :table")
                .bind("table", table)
                .mapTo(String.class)
                .one();
        // the primary key's own index has no SQL of its own and comes back with the table
        List<String> setAside = handle.createQuery("SELECT sql FROM sqlite_master WHERE tbl_name = :table"
                        + " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
                .bind("table", table)
                .mapTo(String.class)
                .list();
        handle.execute("DROP TABLE " + table);
        handle.execute(definition);
        return Optional.of(setAside);
    }

    /** Two range probes of the index led by {@code source_id}, not a count of the table. */
    private static boolean holdsNoOtherSource(Handle handle, String table, String source) {
        return handle.createQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + " WHERE source_id < :source)"
                        + " AND NOT EXISTS (SELECT 1 FROM " + table + " WHERE source_id > :source)")
                .bind("source", source)
                .mapTo(Boolean.class)
                .one();
    }

    private static boolean referenced(Handle handle, String table) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                        + " WHERE m.type = 'table' AND LOWER(f.\"table\") = LOWER(:table))")
                .bind("table", table)
                .mapTo(Boolean.class)
                .one();
    }
}
