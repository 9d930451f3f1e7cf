package io.tvarr.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class XmltvTimesTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeTheXmltvPatternInUtc() {
        XmltvTimes times = new XmltvTimes();

        assertThat(times.format(Instant.parse("2026-11-25T07:05:09Z"))).isEqualTo("20261125070509 +0000");
        assertThat(times.format(Instant.parse("2026-11-25T23:59:59Z"))).isEqualTo("20261125235959 +0000");
        assertThat(times.format(Instant.parse("2026-11-26T00:00:00Z"))).isEqualTo("20261126000000 +0000");
        assertThat(times.format(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo("19691231235959 +0000");
        assertThat(times.format(Instant.parse("2026-11-25T07:05:09.999Z"))).isEqualTo("20261125070509 +0000");
    }

    @Test
    void agreesWithTheFormatterWhenDaysJumpBackAndForth() {
        XmltvTimes times = new XmltvTimes();
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("1960-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(from, to));
            assertThat(times.format(at)).as("%s", at).isEqualTo(REFERENCE.format(at));
        }
    }
}
