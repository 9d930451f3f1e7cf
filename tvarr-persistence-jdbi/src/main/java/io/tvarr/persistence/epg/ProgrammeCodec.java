package io.tvarr.persistence.epg;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.ProgrammeFlag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The compact binary form of a block of one channel's programmes ({@code epg_programme_block.programmes}).
 *
 * <p>Per programme: start (8 bytes, epoch millis), duration and body length (varints), then the body: a varint of
 * which optional fields are present, the title, the present fields, categories and flag names. Source and channel
 * live once in the block's row, absent fields take no space, and a reader looking for one instant skips the bodies
 * of the programmes it does not want. Flags are stored by name, so reordering {@link ProgrammeFlag} is safe.
 *
 * <p>Format 2 (written now) stores a text as a varint {@code length << 1} and its UTF-8 bytes, or, for a text of
 * {@value #SHARED_CHARS} characters or more already written earlier in the block, as {@code offset << 1 | 1}: the
 * position in the block where that text's length starts. A channel's day repeats its synopses, titles and icons
 * (28-41 % of the text bytes of the i.mjh.nz guides in the corpus), and those are stored once. References point
 * into earlier bodies by absolute offset, so a reader that skipped those bodies still finds the text. Format 1
 * (length and bytes only) is still read.
 */
final class ProgrammeCodec {
    private static final int PLAIN = 1;
    private static final int FORMAT = 2;
    /** Shorter texts cost less written again than looked up. */
    static final int SHARED_CHARS = 16;

    private static final int TITLE_LANG = 1;
    private static final int SUB_TITLE = 1 << 1;
    private static final int DESCRIPTION = 1 << 2;
    private static final int ICON_URL = 1 << 3;
    private static final int EPISODE_XMLTV_NS = 1 << 4;
    private static final int EPISODE_ONSCREEN = 1 << 5;
    private static final int RATING = 1 << 6;
    private static final int EXTRA_XML = 1 << 7;
    private static final int CATEGORIES = 1 << 8;
    private static final int FLAGS = 1 << 9;

    private ProgrammeCodec() {}

    /** One block on buffers of its own; a writer of many blocks keeps an {@link Encoder}. */
    static byte[] encode(List<EpgProgramme> programmes) {
        return new Encoder().encode(programmes);
    }

    /**
     * Encodes block after block on the same buffers and table of texts, cleared for each block: a guide's blocks are
     * small and many (a channel's day), and fresh buffers for each were a fifth of what storing a guide allocated.
     * Buffers a huge block grew are let go afterwards. Not thread-safe.
     */
    static final class Encoder {
        /** What a buffer keeps between blocks; one grown past it by a huge text is let go. */
        private static final int KEPT = 1 << 20;

        private Bytes block = new Bytes(8192);
        private Bytes body = new Bytes(512);
        private final BlockTexts written = new BlockTexts();

        byte[] encode(List<EpgProgramme> programmes) {
            block.clear();
            written.clear();
            block.put(FORMAT);
            for (EpgProgramme p : programmes) {
                body.clear();
                writeBody(p, body, written);
                long start = p.start().toEpochMilli();
                block.putLong(start);
                block.putVarLong(p.stop().toEpochMilli() - start);
                block.putVarLong(body.size);
                int at = block.size;
                block.put(body);
                // texts of this body become referable once their offset in the block is known
                for (int i = 0; i < body.newTexts.size(); i++) {
                    written.add(body.newTexts.get(i), at + body.newTextOffsets.get(i));
                }
            }
            byte[] encoded = block.toArray();
            if (block.bytes.length > KEPT) {
                block = new Bytes(8192);
            }
            if (body.bytes.length > KEPT) {
                body = new Bytes(512);
            }
            body.clear();
            return encoded;
        }
    }

    /** Decodes the programmes of a block that overlap [from, to), in stored order; the others are skipped. */
    static void decode(
            byte[] block, EpgSourceId source, String channel, long from, long to, Consumer<EpgProgramme> consumer) {
        Reader in = new Reader(block, source, channel);
        while (in.hasMore()) {
            long start = in.getLong();
            long stop = start + in.getVarLong();
            int length = (int) in.getVarLong();
            if (stop > from && start < to) {
                consumer.accept(in.body(start, stop, length));
            } else {
                in.skip(length);
            }
        }
    }

    private static void writeBody(EpgProgramme p, Bytes out, BlockTexts written) {
        int present = (p.titleLang() == null ? 0 : TITLE_LANG)
                | (p.subTitle() == null ? 0 : SUB_TITLE)
                | (p.description() == null ? 0 : DESCRIPTION)
                | (p.iconUrl() == null ? 0 : ICON_URL)
                | (p.episodeXmltvNs() == null ? 0 : EPISODE_XMLTV_NS)
                | (p.episodeOnscreen() == null ? 0 : EPISODE_ONSCREEN)
                | (p.rating() == null ? 0 : RATING)
                | (p.extraXml() == null ? 0 : EXTRA_XML)
                | (p.categories().isEmpty() ? 0 : CATEGORIES)
                | (p.flags().isEmpty() ? 0 : FLAGS);
        out.putVarLong(present);
        out.putText(p.title(), written);
        out.putText(p.titleLang(), written);
        out.putText(p.subTitle(), written);
        out.putText(p.description(), written);
        out.putText(p.iconUrl(), written);
        out.putText(p.episodeXmltvNs(), written);
        out.putText(p.episodeOnscreen(), written);
        out.putText(p.rating(), written);
        out.putText(p.extraXml(), written);
        if (!p.categories().isEmpty()) {
            out.putVarLong(p.categories().size());
            for (String category : p.categories()) {
                out.putText(category, written);
            }
        }
        if (!p.flags().isEmpty()) {
            out.putVarLong(p.flags().size());
            if (p.flags().size() == 1) {
                out.putText(p.flags().iterator().next().name(), written);
            } else {
                for (String flag : p.flags().stream().map(Enum::name).sorted().toList()) {
                    out.putText(flag, written);
                }
            }
        }
    }

    /** A growable byte array; absent (null) texts write nothing, the presence bits say so. */
    private static final class Bytes {
        /** Long texts written in full since the last clear, and where each starts. */
        final List<String> newTexts = new ArrayList<>();

        final List<Integer> newTextOffsets = new ArrayList<>();

        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        void clear() {
            size = 0;
            newTexts.clear();
            newTextOffsets.clear();
        }

        void put(int b) {
            room(1);
            bytes[size++] = (byte) b;
        }

        void put(Bytes other) {
            room(other.size);
            System.arraycopy(other.bytes, 0, bytes, size, other.size);
            size += other.size;
        }

        void putLong(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void putVarLong(long value) {
            room(10);
            long v = value;
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void putText(@Nullable String text, BlockTexts written) {
            if (text == null) {
                return;
            }
            if (text.length() >= SHARED_CHARS) {
                int at = written.offsetOf(text);
                if (at >= 0) {
                    putVarLong(((long) at << 1) | 1);
                    return;
                }
                newTexts.add(text);
                newTextOffsets.add(size);
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            putVarLong((long) utf8.length << 1);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Reads a block; a block that ends early or has an unknown format is a storage fault, named as such. */
    private static final class Reader {
        private final byte[] bytes;
        private final EpgSourceId source;
        private final String channel;
        private final boolean references;
        private int at;

        Reader(byte[] bytes, EpgSourceId source, String channel) {
            this.bytes = bytes;
            this.source = source;
            this.channel = channel;
            if (bytes.length == 0 || (bytes[0] != FORMAT && bytes[0] != PLAIN)) {
                throw corrupt("unknown format " + (bytes.length == 0 ? "(empty)" : bytes[0]));
            }
            references = bytes[0] == FORMAT;
            at = 1;
        }

        boolean hasMore() {
            return at < bytes.length;
        }

        long getLong() {
            need(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[at++] & 0xFF);
            }
            return value;
        }

        long getVarLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw corrupt("varint longer than 10 bytes at " + at);
        }

        void skip(int length) {
            need(length);
            at += length;
        }

        EpgProgramme body(long start, long stop, int length) {
            need(length);
            int end = at + length;
            int present = (int) getVarLong();
            String title = text();
            String titleLang = text(present, TITLE_LANG);
            String subTitle = text(present, SUB_TITLE);
            String description = text(present, DESCRIPTION);
            String iconUrl = text(present, ICON_URL);
            String episodeXmltvNs = text(present, EPISODE_XMLTV_NS);
            String episodeOnscreen = text(present, EPISODE_ONSCREEN);
            String rating = text(present, RATING);
            String extraXml = text(present, EXTRA_XML);
            List<String> categories = (present & CATEGORIES) == 0 ? List.of() : texts();
            Set<ProgrammeFlag> flags = flags(present);
            if (at != end) {
                throw corrupt("programme body of " + length + " bytes read as " + (length + at - end));
            }
            return new EpgProgramme(
                    source,
                    channel,
                    Instant.ofEpochMilli(start),
                    Instant.ofEpochMilli(stop),
                    title,
                    titleLang,
                    subTitle,
                    description,
                    categories,
                    iconUrl,
                    episodeXmltvNs,
                    episodeOnscreen,
                    rating,
                    flags,
                    extraXml);
        }

        private @Nullable String text(int present, int bit) {
            return (present & bit) == 0 ? null : text();
        }

        private String text() {
            long value = getVarLong();
            if (!references) {
                return literal(value);
            }
            if ((value & 1) == 0) {
                return literal(value >>> 1);
            }
            long target = value >>> 1;
            int here = at;
            if (target < 1 || target >= here) {
                throw corrupt("reference to byte " + target + " at " + here + ", not to an earlier text");
            }
            at = (int) target;
            long header = getVarLong();
            if ((header & 1) != 0) {
                throw corrupt("reference at " + here + " to byte " + target + ", which is not a text");
            }
            String text = literal(header >>> 1);
            if (at > here) {
                throw corrupt("reference at " + here + " to a text running past it");
            }
            at = here;
            return text;
        }

        private String literal(long size) {
            if (size > Integer.MAX_VALUE) {
                throw corrupt("text of " + size + " bytes at " + at);
            }
            int length = (int) size;
            need(length);
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        private List<String> texts() {
            int count = (int) getVarLong();
            List<String> texts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                texts.add(text());
            }
            return texts;
        }

        private Set<ProgrammeFlag> flags(int present) {
            if ((present & FLAGS) == 0) {
                return Set.of();
            }
            Set<ProgrammeFlag> flags = EnumSet.noneOf(ProgrammeFlag.class);
            for (String name : texts()) {
                flags.add(ProgrammeFlag.valueOf(name));
            }
            return flags;
        }

        private void need(int length) {
            if (length < 0 || at + length > bytes.length) {
                throw corrupt("ends at byte " + bytes.length + ", " + length + " more expected at " + at);
            }
        }

        private StorageException corrupt(String problem) {
            return new StorageException("programmes of guide " + source + ", channel " + channel
                    + ": stored block unreadable (" + problem + ")");
        }
    }
}
