package io.tvarr.bench.pipeline;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.source.SourceId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The baseline of {@link PipelineBench}: one thread reading the stored channels and programmes straight from the
 * SQLite file with plain JDBC, every column the generation reads, in the order it reads them (the channel and
 * programme queries of the JDBI repositories' {@code forEachBySource} and {@code forEachProgrammeBySource}), without
 * building domain objects. It goes around the core on purpose: the core offers no raw scan, and the bench must not
 * wire repositories by hand. Text is read as bytes and not decoded, so the figure is a floor rather than the
 * repositories' own read time.
 */
record StoredRows(Path database) {
    private static final String CHANNELS = "SELECT id, source_id, position, external_key, tvg_id, tvg_name, tvg_chno,"
            + " name, group_title, logo_url, stream_url, attributes FROM channel WHERE source_id = ?"
            + " ORDER BY position, id";
    // programmes are stored in blocks of a channel's day (#19): the floor reads the blocks' bytes, undecoded
    private static final String PROGRAMMES = "SELECT channel_id, start_at, stop_at, programme_count, programmes"
            + " FROM epg_programme_block WHERE source_id = ? AND stop_at > ? AND start_at < ? ORDER BY channel_id,"
            + " start_at";

    void printBaseline(List<SourceId> sources, EpgSourceId guide, Instant from, Instant to) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            long reading = System.nanoTime();
            long records = 0;
            for (SourceId source : sources) {
                records += channels(connection, source);
            }
            double channelSeconds = (System.nanoTime() - reading) / 1e9;
            reading = System.nanoTime();
            records += programmes(connection, guide, from, to);
            System.out.printf(
                    "baseline (plain JDBC): reading channels %.2f s, reading programmes %.2f s (%d records)%n",
                    channelSeconds, (System.nanoTime() - reading) / 1e9, records);
        }
    }

    private static long channels(Connection connection, SourceId source) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CHANNELS)) {
            query.setString(1, source.toString());
            return scan(query, 12, 3);
        }
    }

    private static long programmes(Connection connection, EpgSourceId guide, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PROGRAMMES)) {
            query.setString(1, guide.toString());
            query.setLong(2, from.toEpochMilli());
            query.setLong(3, to.toEpochMilli());
            return scan(query, 5, 2, 3, 4);
        }
    }

    /**
     * Reads every column of every row, numbers as longs and text as its stored UTF-8 bytes (what the repositories
     * read from SQLite too, as {@code getString} costs twice as much there); returns the number of rows.
     */
    private static long scan(PreparedStatement query, int columns, int... numbers) throws SQLException {
        long rows = 0;
        long bytes = 0;
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    if (isNumber(column, numbers)) {
                        bytes += rs.getLong(column);
                    } else {
                        byte[] text = rs.getBytes(column);
                        bytes += text == null ? 0 : text.length;
                    }
                }
                rows++;
            }
        }
        // the sum is used so the reads are not optimised away
        return bytes == Long.MIN_VALUE ? -1 : rows;
    }

    private static boolean isNumber(int column, int[] numbers) {
        for (int number : numbers) {
            if (number == column) {
                return true;
            }
        }
        return false;
    }
}
