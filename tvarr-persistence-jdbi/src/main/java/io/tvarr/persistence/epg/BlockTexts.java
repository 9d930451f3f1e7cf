package io.tvarr.persistence.epg;

import java.util.Arrays;

/**
 * The long texts already written in one block and where each starts, for {@link ProgrammeCodec}'s references.
 *
 * <p>An open-addressed table keyed by a hash of its own, not {@link String#hashCode}: the parser makes a new string
 * for every text, so {@code hashCode} would walk every character of every synopsis once more (a tenth of storing a
 * guide). A text of up to {@value #WHOLE} characters (an icon's URL, a title) is hashed whole; a longer one by its
 * length, {@value #SAMPLES} characters spread over it and its last {@value #TAIL}. The hashes are kept beside the
 * texts and compared first: texts differing only where the hash did not look (a day's icon URLs, one id apart) would
 * otherwise be told apart by {@link String#equals} on strings the parser made long before, each a cache miss, which
 * made this table half of a block's encoding. Not thread-safe; one per encoder, cleared for each block.
 */
final class BlockTexts {
    private static final int WHOLE = 64;
    private static final int SAMPLES = 16;
    private static final int TAIL = 8;
    /** Slots a cleared table keeps; a day of five-minute slots with three long texts each fits. */
    private static final int KEPT = 1024;

    private String[] texts = new String[64];
    private int[] hashes = new int[64];
    private int[] offsets = new int[64];
    private int size;

    /** Forgets every text, for the next block; a table grown by a block of many texts is let go. */
    void clear() {
        if (texts.length > KEPT) {
            texts = new String[64];
            hashes = new int[64];
            offsets = new int[64];
        } else if (size > 0) {
            Arrays.fill(texts, null);
        }
        size = 0;
    }

    /** Where {@code text} starts in the block, or -1 when it has not been written yet. */
    int offsetOf(String text) {
        return offsetOf(text, hash(text));
    }

    /** Remembers where {@code text} starts; the first offset of a text wins. */
    void add(String text, int offset) {
        int hash = hash(text);
        if (offsetOf(text, hash) >= 0) {
            return;
        }
        if ((size + 1) * 2 > texts.length) {
            grow();
        }
        put(text, hash, offset);
    }

    private int offsetOf(String text, int hash) {
        int mask = texts.length - 1;
        for (int slot = hash & mask; texts[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && texts[slot].equals(text)) {
                return offsets[slot];
            }
        }
        return -1;
    }

    private void put(String text, int hash, int offset) {
        int mask = texts.length - 1;
        int slot = hash & mask;
        while (texts[slot] != null) {
            slot = (slot + 1) & mask;
        }
        texts[slot] = text;
        hashes[slot] = hash;
        offsets[slot] = offset;
        size++;
    }

    private void grow() {
        String[] oldTexts = texts;
        int[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        texts = new String[oldTexts.length * 2];
        hashes = new int[oldTexts.length * 2];
        offsets = new int[oldTexts.length * 2];
        size = 0;
        for (int i = 0; i < oldTexts.length; i++) {
            if (oldTexts[i] != null) {
                put(oldTexts[i], oldHashes[i], oldOffsets[i]);
            }
        }
        Arrays.fill(oldTexts, null);
    }

    private static int hash(String text) {
        int length = text.length();
        int hash = length;
        if (length <= WHOLE) {
            for (int i = 0; i < length; i++) {
                hash = hash * 31 + text.charAt(i);
            }
        } else {
            for (int i = 0; i < SAMPLES; i++) {
                hash = hash * 31 + text.charAt((int) ((long) length * i / SAMPLES));
            }
            for (int i = length - TAIL; i < length; i++) {
                hash = hash * 31 + text.charAt(i);
            }
        }
        return hash ^ (hash >>> 16);
    }
}
