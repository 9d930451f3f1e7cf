package io.tvarr.persistence.epg;

import io.tvarr.domain.StorageException;
import io.tvarr.persistence.sql.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Inserts batches of one guide's blocks within the caller's transaction, by the fastest path the database offers:
 * PostgreSQL's {@code COPY} ({@link CopiedBlockInserts}), a JDBC batch of one row per statement elsewhere
 * ({@link BatchedBlockInserts}).
 */
interface BlockInserts {
    String COLUMNS = "source_id, channel_id, start_at, stop_at, first_stop_at, programme_count, programmes";

    /** Inserts the blocks; the connection is free for other statements again when this returns. */
    void insert(List<ProgrammeBlock> blocks) throws SQLException;

    /** The fastest inserts for the vendor over this connection, for the blocks of one guide source. */
    static BlockInserts of(Vendor vendor, Connection connection, String source) {
        try {
            // a pool an embedder attached may wrap the driver's connection in one that does not unwrap to it
            if (vendor == Vendor.POSTGRESQL && connection.isWrapperFor(PGConnection.class)) {
                return new CopiedBlockInserts(
                        connection.unwrap(PGConnection.class).getCopyAPI(), source);
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "programmes of guide " + source + ": no COPY on this connection (" + e.getMessage() + ")", e);
        }
        return new BatchedBlockInserts(connection, source);
    }
}
