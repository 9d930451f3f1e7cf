package io.tvarr.domain.backup.port.out;

import io.tvarr.domain.backup.SchemaVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The whole store as rows, read and loaded table by table in an encoding of the store's own that any vendor of it
 * can load, so an archive made on SQLite restores on PostgreSQL.
 */
public interface StoreSnapshots {
    SchemaVersion schemaVersion();

    String vendor();

    /** Every table that holds data, parents before the tables referring to them. */
    List<String> tables();

    /**
     * Writes the rows of {@link #tables()} in that order, all read from one snapshot, so the result is consistent
     * while others write.
     *
     * @return rows written per table
     */
    Map<String, Long> read(TableSink sink);

    /**
     * Starts replacing every row of the store with rows in the given schema. Nothing already stored is lost unless
     * the load commits.
     */
    StoreLoad load(SchemaVersion archived);

    /** Where the rows of each table go. */
    @FunctionalInterface
    interface TableSink {
        /** Opens the destination of one table's rows; it is left to the sink to close. */
        OutputStream table(String name) throws IOException;
    }

    /** A load in progress; closing it without {@link #commit()} leaves the store as it was. */
    interface StoreLoad extends AutoCloseable {
        /**
         * Loads one table's rows as {@link #read} wrote them, reading {@code rows} to its end without closing it.
         *
         * @return rows loaded
         */
        long table(String name, InputStream rows);

        /** Makes the loaded rows the store's, then brings the schema up to date. */
        void commit();

        @Override
        void close();
    }
}
