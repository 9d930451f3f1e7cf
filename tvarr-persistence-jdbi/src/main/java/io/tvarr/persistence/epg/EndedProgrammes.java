package io.tvarr.persistence.epg;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.persistence.sql.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention over blocks, within the caller's transaction: blocks that ended wholly are deleted; a block some of whose
 * programmes ended is rewritten with the others.
 */
final class EndedProgrammes {
    private static final String WHOLLY = " FROM " + ProgrammeBlockWriter.TABLE + " WHERE stop_at < ?";
    private static final String PARTLY =
            " FROM " + ProgrammeBlockWriter.TABLE + " WHERE first_stop_at < ? AND stop_at >= ?";

    private final Connection connection;
    private final Vendor vendor;
    private final int batchSize;

    EndedProgrammes(Connection connection, Vendor vendor, int batchSize) {
        this.connection = connection;
        this.vendor = vendor;
        this.batchSize = batchSize;
    }

    /** Returns how many programmes ended before {@code cutoff} (epoch millis) and were deleted. */
    long deleteBefore(long cutoff) {
        try {
            long deleted = count("SELECT COALESCE(SUM(programme_count), 0)" + WHOLLY, cutoff);
            update("DELETE" + WHOLLY, cutoff);
            return deleted + trimPartlyEnded(cutoff);
        } catch (SQLException e) {
            throw new StorageException(
                    "guide retention: ended programmes could not be deleted (" + e.getMessage() + ")", e);
        }
    }

    private long trimPartlyEnded(long cutoff) throws SQLException {
        Map<String, List<EpgProgramme>> kept = new LinkedHashMap<>();
        long before = 0;
        try (PreparedStatement select =
                connection.prepareStatement("SELECT source_id, channel_id, programme_count, programmes" + PARTLY)) {
            select.setLong(1, cutoff);
            select.setLong(2, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String source = rs.getString(1);
                    before += rs.getLong(3);
                    List<EpgProgramme> programmes = kept.computeIfAbsent(source, s -> new ArrayList<>());
                    ProgrammeCodec.decode(
                            rs.getBytes(4),
                            EpgSourceId.parse(source),
                            rs.getString(2),
                            // kept: programmes stopping at the cutoff or later
                            cutoff - 1,
                            Long.MAX_VALUE,
                            programmes::add);
                }
            }
        }
        if (before == 0) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE" + PARTLY)) {
            delete.setLong(1, cutoff);
            delete.setLong(2, cutoff);
            delete.executeUpdate();
        }
        long after = 0;
        for (Map.Entry<String, List<EpgProgramme>> source : kept.entrySet()) {
            ProgrammeBlockWriter writer = new ProgrammeBlockWriter(
                    BlockInserts.of(vendor, connection, source.getKey()), source.getKey(), batchSize);
            source.getValue().forEach(writer::add);
            after += writer.finish();
        }
        return before - after;
    }

    private long count(String sql, long cutoff) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            count.setLong(1, cutoff);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, long cutoff) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, cutoff);
            update.executeUpdate();
        }
    }
}
