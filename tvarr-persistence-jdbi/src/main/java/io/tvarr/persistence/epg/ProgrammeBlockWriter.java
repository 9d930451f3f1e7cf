package io.tvarr.persistence.epg;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.epg.EpgProgramme;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one source's programmes as blocks, one row per channel and UTC day of start, within the caller's
 * transaction. Programmes are held until {@code batchSize} of them are waiting or encoded; the channel being written
 * is kept back at a flush (guides list a channel's programmes together, up to a bound), so a channel's day is seldom
 * split in two blocks. A channel the guide listed together is encoded as soon as the guide moves on from it.
 * A split or a channel that comes back later is still correct: readers merge a channel's blocks. Each flush's blocks
 * go to the database in one go ({@link BlockInserts}: {@code COPY} on PostgreSQL).
 */
final class ProgrammeBlockWriter {
    static final String TABLE = "epg_programme_block";
    private static final long DAY_MILLIS = 86_400_000L;
    // bounds what one channel may hold back; a week of five-minute slots is 2016
    private static final int MOST_HELD_FOR_ONE_CHANNEL = 4096;
    // a channel whose programmes came this many in a row is listed together: the guide is not interleaved by time,
    // where encoding each short run would cut a channel's day into a block per programme
    private static final int LISTED_TOGETHER = 8;
    private static final Comparator<EpgProgramme> BY_START = Comparator.comparing(EpgProgramme::start);

    private final BlockInserts inserts;
    private final String source;
    private final int batchSize;
    private final Map<String, List<EpgProgramme>> waiting = new LinkedHashMap<>();
    private final List<ProgrammeBlock> blocks = new ArrayList<>();
    private final ProgrammeCodec.Encoder encoder = new ProgrammeCodec.Encoder();
    private int waitingCount;
    /** Programmes encoded into {@link #blocks}, not yet stored. */
    private int encodedCount;
    /** Programmes of {@link #lastChannel} in a row, without another channel's between them. */
    private int run;

    private String lastChannel = "";
    private long written;

    ProgrammeBlockWriter(BlockInserts inserts, String source, int batchSize) {
        this.inserts = inserts;
        this.source = source;
        this.batchSize = batchSize;
    }

    void add(EpgProgramme programme) {
        String channel = programme.channelId();
        if (!channel.equals(lastChannel)) {
            if (run >= LISTED_TOGETHER) {
                encode(lastChannel);
            }
            lastChannel = channel;
            run = 0;
        }
        run++;
        waiting.computeIfAbsent(channel, c -> new ArrayList<>()).add(programme);
        if (++waitingCount + encodedCount >= batchSize) {
            flush(false);
        }
    }

    /**
     * Encodes a channel's waiting programmes now, as the guide moves on from a run of them: still in the processor's
     * cache, they encode at a fraction of what they cost once a batch of other channels' programmes has come after
     * them (the encoding was a tenth of a big guide's ingestion, most of it in reading its strings back from memory).
     */
    private void encode(String channel) {
        List<EpgProgramme> programmes = waiting.remove(channel);
        if (programmes != null) {
            addDays(channel, programmes);
            waitingCount -= programmes.size();
            encodedCount += programmes.size();
        }
    }

    /** Stores everything still waiting; returns the programmes stored since this writer was made. */
    long finish() {
        flush(true);
        return written;
    }

    private void flush(boolean all) {
        if (waiting.isEmpty() && blocks.isEmpty()) {
            return;
        }
        var channels = waiting.entrySet().iterator();
        while (channels.hasNext()) {
            var channel = channels.next();
            List<EpgProgramme> programmes = channel.getValue();
            if (all || !channel.getKey().equals(lastChannel) || programmes.size() >= MOST_HELD_FOR_ONE_CHANNEL) {
                addDays(channel.getKey(), programmes);
                waitingCount -= programmes.size();
                channels.remove();
            }
        }
        if (blocks.isEmpty()) {
            return;
        }
        try {
            inserts.insert(blocks);
        } catch (SQLException e) {
            throw new StorageException(
                    "programmes of guide " + source + ": could not be stored (" + e.getMessage() + ")", e);
        }
        for (ProgrammeBlock block : blocks) {
            written += block.count();
        }
        blocks.clear();
        encodedCount = 0;
    }

    private void addDays(String channel, List<EpgProgramme> programmes) {
        programmes.sort(BY_START);
        int from = 0;
        while (from < programmes.size()) {
            long day = Math.floorDiv(programmes.get(from).start().toEpochMilli(), DAY_MILLIS);
            int until = from + 1;
            while (until < programmes.size()
                    && Math.floorDiv(programmes.get(until).start().toEpochMilli(), DAY_MILLIS) == day) {
                until++;
            }
            addBlock(channel, programmes.subList(from, until));
            from = until;
        }
    }

    private void addBlock(String channel, List<EpgProgramme> block) {
        long stop = Long.MIN_VALUE;
        long firstStop = Long.MAX_VALUE;
        for (EpgProgramme p : block) {
            stop = Math.max(stop, p.stop().toEpochMilli());
            firstStop = Math.min(firstStop, p.stop().toEpochMilli());
        }
        blocks.add(new ProgrammeBlock(
                channel, block.get(0).start().toEpochMilli(), stop, firstStop, block.size(), encoder.encode(block)));
    }
}
