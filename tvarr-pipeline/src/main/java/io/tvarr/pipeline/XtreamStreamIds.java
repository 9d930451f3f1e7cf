package io.tvarr.pipeline;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.pipeline.output.XtreamLineupFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Gives each output channel its Xtream stream id for one generation. A channel keeps the id the last published
 * lineup gave it; a new one gets {@link XtreamChannel#preferredStreamId}, or the next number no channel of the last
 * lineup nor of this one holds, so ids never move between channels while both stay. The last lineup is held as
 * sorted primitive arrays (20 bytes a channel, searched by halving) rather than boxed maps, which cost five times
 * as much for a 100k-channel proxy; only ids given to new channels go in a set. Not thread-safe.
 */
final class XtreamStreamIds {
    private final long[] highs;
    private final long[] lows;
    private final int[] ids;
    private final int[] takenByLast;
    private final Set<Integer> takenByNew = new HashSet<>();

    /** Starts from the lineup published at {@code file}, if there is one. */
    XtreamStreamIds(Path file) {
        LastLineup last = new LastLineup();
        XtreamLineupFile.read(file, channel -> last.add(channel.channelId().value(), channel.streamId()));
        Integer[] order = new Integer[last.size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> last.highs[i]).thenComparingLong(i -> last.lows[i]));
        highs = new long[last.size];
        lows = new long[last.size];
        ids = new int[last.size];
        for (int i = 0; i < last.size; i++) {
            highs[i] = last.highs[order[i]];
            lows[i] = last.lows[order[i]];
            ids[i] = last.ids[order[i]];
        }
        takenByLast = Arrays.copyOf(ids, ids.length);
        Arrays.sort(takenByLast);
    }

    int assign(ChannelId channel) {
        int kept = indexOf(channel.value());
        if (kept >= 0) {
            return ids[kept];
        }
        int id = XtreamChannel.preferredStreamId(channel);
        while (Arrays.binarySearch(takenByLast, id) >= 0 || !takenByNew.add(id)) {
            id = id == Integer.MAX_VALUE ? 1 : id + 1;
        }
        return id;
    }

    private int indexOf(UUID channel) {
        long high = channel.getMostSignificantBits();
        long low = channel.getLeastSignificantBits();
        int from = 0;
        int to = highs.length - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int order = highs[middle] != high ? Long.compare(highs[middle], high) : Long.compare(lows[middle], low);
            if (order < 0) {
                from = middle + 1;
            } else if (order > 0) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** The last lineup as read, in file order; growable. */
    private static final class LastLineup {
        long[] highs = new long[1024];
        long[] lows = new long[1024];
        int[] ids = new int[1024];
        int size;

        void add(UUID channel, int id) {
            if (size == ids.length) {
                highs = Arrays.copyOf(highs, size * 2);
                lows = Arrays.copyOf(lows, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
            }
            highs[size] = channel.getMostSignificantBits();
            lows[size] = channel.getLeastSignificantBits();
            ids[size] = id;
            size++;
        }
    }
}
