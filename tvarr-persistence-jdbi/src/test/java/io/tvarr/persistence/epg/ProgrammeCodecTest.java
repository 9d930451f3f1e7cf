package io.tvarr.persistence.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.ProgrammeFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgrammeCodecTest {
    private static final EpgSourceId GUIDE = EpgSourceId.parse("00000000-0000-0000-0000-000000000001");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static EpgProgramme bare(Instant start, String title) {
        return new EpgProgramme(
                GUIDE,
                "a.uk",
                start,
                start.plus(Duration.ofMinutes(30)),
                title,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                Set.of(),
                null);
    }

    private static List<EpgProgramme> decodeAll(byte[] block) {
        List<EpgProgramme> read = new ArrayList<>();
        ProgrammeCodec.decode(block, GUIDE, "a.uk", Long.MIN_VALUE, Long.MAX_VALUE, read::add);
        return read;
    }

    @Nested
    class Round_trip {
        @Test
        void keeps_every_field_and_leaves_absent_ones_absent() {
            EpgProgramme rich = new EpgProgramme(
                    GUIDE,
                    "a.uk",
                    T0.minusMillis(1),
                    T0.plus(Duration.ofDays(3)),
                    "Früh & \"Spät\" 東京 📺",
                    "de",
                    "Folge 1",
                    "Beschreibung",
                    List.of("News", "Ñachrichten"),
                    "http://img.example/a.png?x=1&y=2",
                    "1.4.0/1",
                    "S02E05",
                    "PG",
                    Set.of(ProgrammeFlag.NEW, ProgrammeFlag.LIVE),
                    "<star-rating><value>4/5</value></star-rating>");
            List<EpgProgramme> block = List.of(rich, bare(T0.plus(Duration.ofDays(3)), ""));

            assertThat(decodeAll(ProgrammeCodec.encode(block))).containsExactlyElementsOf(block);
        }

        @Test
        void holds_texts_longer_than_64_kib() {
            String extra = "<credits>" + "<actor>A</actor>".repeat(10_000) + "</credits>";
            EpgProgramme big = new EpgProgramme(
                    GUIDE,
                    "a.uk",
                    T0,
                    T0.plusSeconds(60),
                    "t",
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    Set.of(),
                    extra);

            assertThat(decodeAll(ProgrammeCodec.encode(List.of(big)))).containsExactly(big);
        }
    }

    @Nested
    class Reading_a_window {
        @Test
        void gives_only_the_programmes_overlapping_it() {
            List<EpgProgramme> block = List.of(
                    bare(T0, "0"), bare(T0.plus(Duration.ofMinutes(30)), "1"), bare(T0.plus(Duration.ofHours(1)), "2"));
            List<EpgProgramme> read = new ArrayList<>();

            long at = T0.plus(Duration.ofMinutes(30)).toEpochMilli();
            ProgrammeCodec.decode(ProgrammeCodec.encode(block), GUIDE, "a.uk", at, at + 1, read::add);

            assertThat(read).extracting(EpgProgramme::title).containsExactly("1");
        }
    }

    @Nested
    class Repeated_texts {
        private static final String SYNOPSIS = "A gripping story of friendship and rivalry in a small coastal town, "
                + "where every character hides a secret and the tide brings more than driftwood.";

        private EpgProgramme described(int slot, String description) {
            Instant start = T0.plus(Duration.ofMinutes(30L * slot));
            return new EpgProgramme(
                    GUIDE,
                    "a.uk",
                    start,
                    start.plus(Duration.ofMinutes(30)),
                    "Coastal Town",
                    "en",
                    null,
                    description,
                    List.of("Drama"),
                    null,
                    null,
                    null,
                    null,
                    Set.of(),
                    null);
        }

        private List<EpgProgramme> day(int count) {
            List<EpgProgramme> block = new ArrayList<>();
            for (int slot = 0; slot < count; slot++) {
                block.add(described(
                        slot, slot % 3 == 2 ? "News at " + slot + ", then the weather for the coast" : SYNOPSIS));
            }
            return block;
        }

        @Test
        void are_stored_once_per_block() {
            List<EpgProgramme> block = day(10);

            byte[] encoded = ProgrammeCodec.encode(block);

            // seven programmes share one synopsis: once in full, then a reference of a few bytes each
            assertThat(encoded.length).isLessThan(SYNOPSIS.length() * 2 + 10 * 60);
            assertThat(decodeAll(encoded)).containsExactlyElementsOf(block);
        }

        @Test
        void texts_alike_but_for_one_character_stay_apart() {
            List<EpgProgramme> block = new ArrayList<>();
            for (int slot = 0; slot < 40; slot++) {
                // same length, same first and last characters: only the equality check tells them apart
                block.add(described(slot, SYNOPSIS.substring(0, 50) + (char) ('A' + slot) + SYNOPSIS.substring(51)));
            }

            assertThat(decodeAll(ProgrammeCodec.encode(block))).containsExactlyElementsOf(block);
        }

        @Test
        void an_encoder_used_again_refers_to_no_text_of_its_last_block() {
            ProgrammeCodec.Encoder encoder = new ProgrammeCodec.Encoder();
            List<EpgProgramme> first = day(10);
            List<EpgProgramme> second = day(40).subList(30, 40);

            byte[] firstEncoded = encoder.encode(first);
            byte[] secondEncoded = encoder.encode(second);

            assertThat(firstEncoded).isEqualTo(ProgrammeCodec.encode(first));
            assertThat(secondEncoded).isEqualTo(ProgrammeCodec.encode(second));
            assertThat(decodeAll(secondEncoded)).containsExactlyElementsOf(second);
        }

        @Test
        void an_encoder_used_again_after_a_block_of_many_texts_keeps_them_apart() {
            ProgrammeCodec.Encoder encoder = new ProgrammeCodec.Encoder();
            List<EpgProgramme> many = new ArrayList<>();
            for (int slot = 0; slot < 300; slot++) {
                many.add(described(slot, SYNOPSIS + " Part " + slot + "."));
            }
            encoder.encode(many);
            List<EpgProgramme> next = day(10);

            assertThat(decodeAll(encoder.encode(next))).containsExactlyElementsOf(next);
            assertThat(decodeAll(encoder.encode(many))).containsExactlyElementsOf(many);
        }

        @Test
        void read_in_a_window_that_skips_the_programme_holding_the_text() {
            List<EpgProgramme> block = day(10);
            List<EpgProgramme> read = new ArrayList<>();

            long at = block.get(7).start().toEpochMilli();
            ProgrammeCodec.decode(ProgrammeCodec.encode(block), GUIDE, "a.uk", at, at + 1, read::add);

            assertThat(read).containsExactly(block.get(7));
            assertThat(read.get(0).description()).isEqualTo(SYNOPSIS);
        }

        @Test
        void blocks_written_before_references_still_read() {
            // format 1 as stored by V26 and the writers before: texts are a length and UTF-8 bytes, never a reference
            byte[] start =
                    java.nio.ByteBuffer.allocate(8).putLong(T0.toEpochMilli()).array();
            byte[] body = {4, 4, 'N', 'e', 'w', 's', 4, 'L', 'a', 't', 'e'};
            byte[] block = new byte[1 + 8 + 3 + 1 + body.length];
            block[0] = 1;
            System.arraycopy(start, 0, block, 1, 8);
            // 1,800,000 ms as a varint, then the body's length
            block[9] = (byte) 0xC0;
            block[10] = (byte) 0xEE;
            block[11] = 0x6D;
            block[12] = (byte) body.length;
            System.arraycopy(body, 0, block, 13, body.length);

            EpgProgramme news = bare(T0, "News");
            assertThat(decodeAll(block))
                    .containsExactly(new EpgProgramme(
                            GUIDE,
                            "a.uk",
                            news.start(),
                            news.stop(),
                            "News",
                            null,
                            null,
                            "Late",
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            Set.of(),
                            null));
        }

        @Test
        void a_reference_that_does_not_point_back_to_a_text_is_refused() {
            byte[] start =
                    java.nio.ByteBuffer.allocate(8).putLong(T0.toEpochMilli()).array();
            // no optional field, then a title that refers to byte 100 of a block of 17 bytes
            byte[] body = {0, (byte) 0xC9, 0x01};
            byte[] block = new byte[1 + 8 + 3 + 1 + body.length];
            block[0] = 2;
            System.arraycopy(start, 0, block, 1, 8);
            block[9] = (byte) 0xC0;
            block[10] = (byte) 0xEE;
            block[11] = 0x6D;
            block[12] = (byte) body.length;
            System.arraycopy(body, 0, block, 13, body.length);

            assertThatThrownBy(() -> decodeAll(block))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("stored block unreadable (reference to byte 100");
        }
    }

    @Nested
    class A_damaged_block {
        @Test
        void is_refused_naming_the_guide_and_channel() {
            byte[] block = ProgrammeCodec.encode(List.of(bare(T0, "News at ten")));
            byte[] cut = Arrays.copyOf(block, block.length - 3);

            assertThatThrownBy(() -> decodeAll(cut))
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("programmes of guide " + GUIDE + ", channel a.uk: stored block unreadable");
        }

        @Test
        void of_an_unknown_format_is_refused() {
            assertThatThrownBy(() -> decodeAll(new byte[] {9, 0}))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("unknown format 9");
        }
    }
}
