package io.tvarr.pipeline;

import io.tvarr.domain.epg.EpgSourceId;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Programmes read and written per guide, so a guide that gives the proxy nothing can be named with the reason.
 * Programmes arrive grouped by guide, so the map is touched only when the guide changes. One thread.
 */
final class GuideCounts {
    private final Map<EpgSourceId, long[]> counts = new HashMap<>();
    private @Nullable EpgSourceId current;
    private long[] currentCounts = new long[2];

    void countRead(EpgSourceId guide) {
        of(guide)[0]++;
    }

    void countWritten(EpgSourceId guide) {
        of(guide)[1]++;
    }

    long read(EpgSourceId guide) {
        long[] c = counts.get(guide);
        return c == null ? 0 : c[0];
    }

    long written(EpgSourceId guide) {
        long[] c = counts.get(guide);
        return c == null ? 0 : c[1];
    }

    /** Adds another part's counts to these. */
    void add(GuideCounts other) {
        other.counts.forEach((guide, c) -> {
            long[] mine = counts.computeIfAbsent(guide, g -> new long[2]);
            mine[0] += c[0];
            mine[1] += c[1];
        });
    }

    private long[] of(EpgSourceId guide) {
        if (!guide.equals(current)) {
            current = guide;
            currentCounts = counts.computeIfAbsent(guide, g -> new long[2]);
        }
        return currentCounts;
    }
}
