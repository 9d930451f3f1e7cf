package io.tvarr.persistence.epg;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.epg.EpgProgramme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one source's programmes as blocks, one row per channel and UTC day of start, within the caller's
 * transaction. Programmes are held until {@code batchSize} of them are waiting; the channel being written is kept
 * back at a flush (guides list a channel's programmes together, up to a bound), so a channel's day is seldom split
 * in two blocks.
 * A split or a channel that comes back later is still correct: readers merge a channel's blocks.
 */
final class ProgrammeBlockWriter {
    static final String TABLE = "epg_programme_block";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (source_id, channel_id, start_at, stop_at, first_stop_at, programme_count, programmes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final long DAY_MILLIS = 86_400_000L;
    // bounds what one channel may hold back; a week of five-minute slots is 2016
    private static final int MOST_HELD_FOR_ONE_CHANNEL = 4096;
    private static final Comparator<EpgProgramme> BY_START = Comparator.comparing(EpgProgramme::start);

    private final Connection connection;
    private final String source;
    private final int batchSize;
    private final Map<String, List<EpgProgramme>> waiting = new LinkedHashMap<>();
    private int waitingCount;
    private String lastChannel = "";
    private long written;

    ProgrammeBlockWriter(Connection connection, String source, int batchSize) {
        this.connection = connection;
        this.source = source;
        this.batchSize = batchSize;
    }

    void add(EpgProgramme programme) {
        lastChannel = programme.channelId();
        waiting.computeIfAbsent(lastChannel, c -> new ArrayList<>()).add(programme);
        if (++waitingCount >= batchSize) {
            flush(false);
        }
    }

    /** Stores everything still waiting; returns the programmes stored since this writer was made. */
    long finish() {
        flush(true);
        return written;
    }

    private void flush(boolean all) {
        if (waiting.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            var channels = waiting.entrySet().iterator();
            while (channels.hasNext()) {
                var channel = channels.next();
                List<EpgProgramme> programmes = channel.getValue();
                if (all || !channel.getKey().equals(lastChannel) || programmes.size() >= MOST_HELD_FOR_ONE_CHANNEL) {
                    addDays(insert, channel.getKey(), programmes);
                    waitingCount -= programmes.size();
                    written += programmes.size();
                    channels.remove();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StorageException(
                    "programmes of guide " + source + ": could not be stored (" + e.getMessage() + ")", e);
        }
    }

    private void addDays(PreparedStatement insert, String channel, List<EpgProgramme> programmes) throws SQLException {
        programmes.sort(BY_START);
        int from = 0;
        while (from < programmes.size()) {
            long day = Math.floorDiv(programmes.get(from).start().toEpochMilli(), DAY_MILLIS);
            int until = from + 1;
            while (until < programmes.size()
                    && Math.floorDiv(programmes.get(until).start().toEpochMilli(), DAY_MILLIS) == day) {
                until++;
            }
            addBlock(insert, channel, programmes.subList(from, until));
            from = until;
        }
    }

    private void addBlock(PreparedStatement insert, String channel, List<EpgProgramme> block) throws SQLException {
        long stop = Long.MIN_VALUE;
        long firstStop = Long.MAX_VALUE;
        for (EpgProgramme p : block) {
            stop = Math.max(stop, p.stop().toEpochMilli());
            firstStop = Math.min(firstStop, p.stop().toEpochMilli());
        }
        insert.setString(1, source);
        insert.setString(2, channel);
        insert.setLong(3, block.get(0).start().toEpochMilli());
        insert.setLong(4, stop);
        insert.setLong(5, firstStop);
        insert.setInt(6, block.size());
        insert.setBytes(7, ProgrammeCodec.encode(block));
        insert.addBatch();
    }
}
