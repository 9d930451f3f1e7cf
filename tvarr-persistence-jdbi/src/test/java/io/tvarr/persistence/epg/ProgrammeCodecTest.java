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
