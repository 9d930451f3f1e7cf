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
 */
final class ProgrammeCodec {
    private static final int FORMAT = 1;
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

    static byte[] encode(List<EpgProgramme> programmes) {
        Bytes block = new Bytes(programmes.size() * 320);
        Bytes body = new Bytes(512);
        block.put(FORMAT);
        for (EpgProgramme p : programmes) {
            body.clear();
            writeBody(p, body);
            long start = p.start().toEpochMilli();
            block.putLong(start);
            block.putVarLong(p.stop().toEpochMilli() - start);
            block.putVarLong(body.size);
            block.put(body);
        }
        return block.toArray();
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

    private static void writeBody(EpgProgramme p, Bytes out) {
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
        out.putText(p.title());
        out.putText(p.titleLang());
        out.putText(p.subTitle());
        out.putText(p.description());
        out.putText(p.iconUrl());
        out.putText(p.episodeXmltvNs());
        out.putText(p.episodeOnscreen());
        out.putText(p.rating());
        out.putText(p.extraXml());
        if (!p.categories().isEmpty()) {
            out.putVarLong(p.categories().size());
            p.categories().forEach(out::putText);
        }
        if (!p.flags().isEmpty()) {
            out.putVarLong(p.flags().size());
            p.flags().stream().map(Enum::name).sorted().forEach(out::putText);
        }
    }

    /** A growable byte array; absent (null) texts write nothing, the presence bits say so. */
    private static final class Bytes {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        void clear() {
            size = 0;
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

        void putText(@Nullable String text) {
            if (text == null) {
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            putVarLong(utf8.length);
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
        private int at;

        Reader(byte[] bytes, EpgSourceId source, String channel) {
            this.bytes = bytes;
            this.source = source;
            this.channel = channel;
            if (bytes.length == 0 || bytes[0] != FORMAT) {
                throw corrupt("unknown format " + (bytes.length == 0 ? "(empty)" : bytes[0]));
            }
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
            int length = (int) getVarLong();
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
