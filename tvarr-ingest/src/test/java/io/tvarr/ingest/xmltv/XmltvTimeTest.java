package io.tvarr.ingest.xmltv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XmltvTimeTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Optional<Instant> parse(String text) {
        return XmltvTime.parse(text, BERLIN);
    }

    @Nested
    class With_an_offset {
        @Test
        void reads_positive_negative_and_half_hour_offsets_with_or_without_a_space() {
            assertThat(parse("20260101120000 +0100")).contains(Instant.parse("2026-01-01T11:00:00Z"));
            assertThat(parse("20260101120000-0330")).contains(Instant.parse("2026-01-01T15:30:00Z"));
            assertThat(parse("20260101120000 +0530")).contains(Instant.parse("2026-01-01T06:30:00Z"));
            assertThat(parse("20260101003000 +1800")).contains(Instant.parse("2025-12-31T06:30:00Z"));
        }

        @Test
        void reads_utc_names_and_surrounding_blanks() {
            assertThat(parse("20260101120000 Z")).contains(Instant.parse("2026-01-01T12:00:00Z"));
            assertThat(parse("20260101120000 utc")).contains(Instant.parse("2026-01-01T12:00:00Z"));
            assertThat(parse(" 20260101120000 GMT\t")).contains(Instant.parse("2026-01-01T12:00:00Z"));
        }

        @Test
        void refuses_offsets_out_of_range_or_malformed() {
            assertThat(parse("20260101120000 +1900")).isEmpty();
            assertThat(parse("20260101120000 +0160")).isEmpty();
            assertThat(parse("20260101120000 +01:00")).isEmpty();
            assertThat(parse("20260101120000 +01")).isEmpty();
            assertThat(parse("20260101120000 CET")).isEmpty();
            assertThat(parse("20260101120000 +0a00")).isEmpty();
        }
    }

    @Nested
    class Dates_and_truncated_forms {
        @Test
        void reads_minutes_hours_and_the_date_alone() {
            assertThat(parse("202601011230 +0000")).contains(Instant.parse("2026-01-01T12:30:00Z"));
            assertThat(parse("2026010112 +0000")).contains(Instant.parse("2026-01-01T12:00:00Z"));
            assertThat(parse("20260101 +0000")).contains(Instant.parse("2026-01-01T00:00:00Z"));
        }

        @Test
        void knows_leap_years_and_month_lengths() {
            assertThat(parse("20240229000000 +0000")).contains(Instant.parse("2024-02-29T00:00:00Z"));
            assertThat(parse("20000229000000 +0000")).contains(Instant.parse("2000-02-29T00:00:00Z"));
            assertThat(parse("20260229000000 +0000")).isEmpty();
            assertThat(parse("21000229000000 +0000")).isEmpty();
            assertThat(parse("20260431000000 +0000")).isEmpty();
            assertThat(parse("19691231235959 +0000")).contains(Instant.parse("1969-12-31T23:59:59Z"));
        }

        @Test
        void refuses_impossible_fields_and_odd_lengths() {
            assertThat(parse("20261301000000 +0000")).isEmpty();
            assertThat(parse("20260100000000 +0000")).isEmpty();
            assertThat(parse("20260101240000 +0000")).isEmpty();
            assertThat(parse("20260101126000 +0000")).isEmpty();
            assertThat(parse("20260101120060 +0000")).isEmpty();
            assertThat(parse("2026010112000 +0000")).isEmpty();
            assertThat(parse("yesterday")).isEmpty();
            assertThat(parse("")).isEmpty();
        }
    }

    @Nested
    class Without_an_offset {
        @Test
        void reads_the_time_in_the_source_zone_across_summer_time() {
            assertThat(parse("20260101120000")).contains(Instant.parse("2026-01-01T11:00:00Z"));
            assertThat(parse("20260701120000")).contains(Instant.parse("2026-07-01T10:00:00Z"));
        }
    }
}
