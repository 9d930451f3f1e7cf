package io.tvarr.persistence.channel;

import io.tvarr.persistence.sql.OnlySourceTable;
import io.tvarr.persistence.sql.Vendor;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Takes a source's rows out of the channel table at the start of its replace, the cheapest way the table allows,
 * and puts back afterwards what that way set aside.
 *
 * <p>On SQLite, when no other source has rows in the table (a new store's first refresh, every refresh of a store
 * holding one source), the table is dropped and made again bare ({@link OnlySourceTable}): its pages are freed whole
 * instead of visiting 100k rows in four B-trees, and the loaded rows get their secondary indexes (the unique one on
 * the id among them, V30) built once afterwards ({@link #restore()}) instead of growing them a row at a time. Other
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
        Optional<List<String>> setAside = OnlySourceTable.remake(handle, vendor, "channel", source);
        if (setAside.isPresent()) {
            return new SourceRows(handle, setAside.get());
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
}
