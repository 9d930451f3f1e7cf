package io.tvarr.domain.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.GenerationReport.StageReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GenerationReportTest {
    @Nested
    class A_stage_report {
        @Test
        void without_reasons_has_no_drops() {
            assertThat(new StageReport("mapping", 10, 10, 3).dropped()).isEmpty();
        }

        @Test
        void lists_drops_in_reason_order_and_keeps_no_link_to_the_callers_map() {
            Map<String, Long> drops = new HashMap<>(Map.of("filtered_out", 2L, "duplicate_stream_url", 1L));

            StageReport report = new StageReport("filtering", 10, 7, 3, drops);
            drops.clear();

            assertThat(report.dropped().keySet()).containsExactly("duplicate_stream_url", "filtered_out");
        }

        @Test
        void plus_the_same_stage_on_other_records_adds_up_counts_times_and_drops() {
            StageReport first = new StageReport("epg_filtering", 10, 8, 5, Map.of("filtered_out", 2L));
            StageReport second = new StageReport("epg_filtering", 20, 17, 7, Map.of("filtered_out", 3L));

            assertThat(first.plus(second))
                    .isEqualTo(new StageReport("epg_filtering", 30, 25, 12, Map.of("filtered_out", 5L)));
        }
    }

    @Nested
    class Credentials_in_urls {
        private final Instant now = Instant.parse("2026-02-01T08:00:00Z");

        @Test
        void are_masked_in_warnings_and_failed_logos() {
            GenerationReport report = new GenerationReport(
                    ProxyId.random(),
                    now,
                    1,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    0,
                    1,
                    List.of(
                            "1 expression evaluations failed; first: 'http://h.example/live/bob/s3cret/1.ts' is no number"),
                    1,
                    List.of("http://h.example/logo.png?token=s3cret: http 404"));

            assertThat(report.warnings())
                    .containsExactly(
                            "1 expression evaluations failed; first: 'http://h.example/live/***/***/1.ts' is no number");
            assertThat(report.failedLogos()).containsExactly("http://h.example/logo.png?token=***: http 404");
        }

        @Test
        void are_masked_in_the_last_error_of_a_generation_status() {
            GenerationStatus failed =
                    GenerationStatus.never(ProxyId.random()).failed("http://bob:s3cret@h.example/x.m3u: refused", now);

            assertThat(failed.lastError()).isEqualTo("http://***@h.example/x.m3u: refused");
        }
    }
}
