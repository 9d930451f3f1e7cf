package io.tvarr.persistence.epg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Blocks as a JDBC batch of one row per statement: SQLite and MariaDB. */
final class BatchedBlockInserts implements BlockInserts {
    private static final String INSERT =
            "INSERT INTO " + ProgrammeBlockWriter.TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final String source;

    BatchedBlockInserts(Connection connection, String source) {
        this.connection = connection;
        this.source = source;
    }

    @Override
    public void insert(List<ProgrammeBlock> blocks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ProgrammeBlock block : blocks) {
                insert.setString(1, source);
                insert.setString(2, block.channel());
                insert.setLong(3, block.startAt());
                insert.setLong(4, block.stopAt());
                insert.setLong(5, block.firstStopAt());
                insert.setInt(6, block.count());
                insert.setBytes(7, block.programmes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
