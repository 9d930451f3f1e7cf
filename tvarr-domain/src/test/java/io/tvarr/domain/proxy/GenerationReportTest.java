package io.tvarr.domain.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.GenerationReport.StageReport;
import java.util.HashMap;
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
}
