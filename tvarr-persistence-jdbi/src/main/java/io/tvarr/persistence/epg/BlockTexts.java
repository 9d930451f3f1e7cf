package io.tvarr.persistence.epg;

import java.util.Arrays;

/**
 * The long texts already written in one block and where each starts, for {@link ProgrammeCodec}'s references.
 *
 * <p>An open-addressed table keyed by a hash of the length and eight sampled characters, not
 * {@link String#hashCode}: the parser makes a new string for every text, so {@code hashCode} would walk every
 * character of every synopsis once more (a tenth of storing a guide). Two texts with the same sample are told
 * apart by {@link String#equals}, which stops at the first difference. Not thread-safe; one per encoding.
 */
final class BlockTexts {
    private String[] texts = new String[64];
    private int[] offsets = new int[64];
    private int size;

    /** Where {@code text} starts in the block, or -1 when it has not been written yet. */
    int offsetOf(String text) {
        int mask = texts.length - 1;
        for (int slot = sample(text) & mask; texts[slot] != null; slot = (slot + 1) & mask) {
            if (texts[slot].equals(text)) {
                return offsets[slot];
            }
        }
        return -1;
    }

    /** Remembers where {@code text} starts; the first offset of a text wins. */
    void add(String text, int offset) {
        if (offsetOf(text) >= 0) {
            return;
        }
        if ((size + 1) * 2 > texts.length) {
            grow();
        }
        put(text, offset);
    }

    private void put(String text, int offset) {
        int mask = texts.length - 1;
        int slot = sample(text) & mask;
        while (texts[slot] != null) {
            slot = (slot + 1) & mask;
        }
        texts[slot] = text;
        offsets[slot] = offset;
        size++;
    }

    private void grow() {
        String[] oldTexts = texts;
        int[] oldOffsets = offsets;
        texts = new String[oldTexts.length * 2];
        offsets = new int[oldTexts.length * 2];
        size = 0;
        for (int i = 0; i < oldTexts.length; i++) {
            if (oldTexts[i] != null) {
                put(oldTexts[i], oldOffsets[i]);
            }
        }
        Arrays.fill(oldTexts, null);
    }

    private static int sample(String text) {
        int length = text.length();
        if (length == 0) {
            return 0;
        }
        int hash = length;
        for (int i = 0; i < 8; i++) {
            hash = hash * 31 + text.charAt((int) ((long) length * i / 8));
        }
        hash = hash * 31 + text.charAt(length - 1);
        return hash ^ (hash >>> 16);
    }
}
