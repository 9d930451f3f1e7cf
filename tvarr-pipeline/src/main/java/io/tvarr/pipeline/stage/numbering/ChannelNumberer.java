package io.tvarr.pipeline.stage.numbering;

import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.source.SourceId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Gives channels their numbers as they stream past, deterministically, so unchanged inputs get unchanged numbers.
 * State: counters per source or group (not per channel) and, for preserve, the numbers already taken. Numbers
 * pinned by overrides are skipped in every mode.
 * <ul>
 *   <li>sequential: start, start+1, … in output order;
 *   <li>source_based: source k (in proxy order) numbers from start + k·block;
 *   <li>group: the k-th group seen numbers from start + k·block;
 *   <li>preserve: a channel keeps a whole, positive tvg-chno not taken yet; the others number from
 *       {@code highestPreserved + 1} (the caller finds the highest in a first pass).
 * </ul>
 */
public final class ChannelNumberer {
    private final Numbering numbering;
    private final int firstFree;
    private final Map<Object, int[]> blocks = new HashMap<>();
    private final Set<Integer> taken = new HashSet<>();
    private final Set<Integer> pinned;
    private int next;

    /** @param highestPreserved the highest preserved number among the output channels (preserve mode), else 0 */
    public ChannelNumberer(Numbering numbering, int highestPreserved) {
        this(numbering, highestPreserved, Set.of());
    }

    /**
     * @param pinned numbers the user's overrides give their channels: no other channel gets one, whatever the mode
     */
    public ChannelNumberer(Numbering numbering, int highestPreserved, Set<Integer> pinned) {
        this.numbering = numbering;
        this.pinned = Set.copyOf(pinned);
        this.taken.addAll(pinned);
        this.firstFree = Math.max(numbering.start(), highestPreserved + 1);
        this.next = numbering.mode() == NumberingMode.PRESERVE ? firstFree : numbering.start();
    }

    /** The number of the next output channel. */
    public int number(SourceId source, int sourceIndex, @Nullable String group, @Nullable String providerNumber) {
        return switch (numbering.mode()) {
            case SEQUENTIAL -> sequential();
            case SOURCE_BASED -> inBlock(source, sourceIndex);
            case GROUP -> inBlock(group == null ? "" : group, blocks.size());
            case PRESERVE -> preserve(providerNumber);
        };
    }

    /** A provider number usable as-is: a whole number above zero. */
    public static @Nullable Integer preservable(@Nullable String providerNumber) {
        if (providerNumber == null) {
            return null;
        }
        // one to seven ASCII digits, checked by hand: String.matches compiled its pattern anew for every channel
        String digits = providerNumber.strip();
        if (digits.isEmpty() || digits.length() > 7) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value > 0 ? value : null;
    }

    private int sequential() {
        while (pinned.contains(next)) {
            next++;
        }
        return next++;
    }

    private int inBlock(Object key, int index) {
        int[] counter = blocks.computeIfAbsent(key, k -> new int[] {numbering.start() + index * numbering.blockSize()});
        while (pinned.contains(counter[0])) {
            counter[0]++;
        }
        return counter[0]++;
    }

    private int preserve(@Nullable String providerNumber) {
        Integer kept = preservable(providerNumber);
        if (kept != null && taken.add(kept)) {
            return kept;
        }
        while (taken.contains(next)) {
            next++;
        }
        taken.add(next);
        return next++;
    }
}
