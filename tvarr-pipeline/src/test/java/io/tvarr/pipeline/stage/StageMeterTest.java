package io.tvarr.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.GenerationReport.StageReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StageMeterTest {
    /** Drops blank names, and names starting with "x" as adult channels. */
    private static final Stage<String> SCREENING = new Stage<>() {
        @Override
        public String name() {
            return "screening";
        }

        @Override
        public StageOutcome<String> apply(String item) {
            if (item.isBlank()) {
                return StageOutcome.dropped("blank_name");
            }
            return item.startsWith("x") ? StageOutcome.dropped("adult") : StageOutcome.kept(item);
        }
    };

    private static final Stage<String> UPPER_CASE = new Stage<>() {
        @Override
        public String name() {
            return "upper_case";
        }

        @Override
        public StageOutcome<String> apply(String item) {
            return StageOutcome.kept(item.toUpperCase());
        }
    };

    @Nested
    class Apply {
        @Test
        void passes_a_kept_record_through_every_stage() {
            StageMeter<String> meter = new StageMeter<>(List.of(SCREENING, UPPER_CASE));

            assertThat(meter.apply("bbc one")).isEqualTo(StageOutcome.kept("BBC ONE"));
        }

        @Test
        void stops_at_the_stage_that_drops_and_says_why() {
            StageMeter<String> meter = new StageMeter<>(List.of(SCREENING, UPPER_CASE));

            assertThat(meter.apply("xxx")).isEqualTo(StageOutcome.dropped("adult"));
        }

        @Test
        void keeps_the_record_as_it_is_without_stages() {
            assertThat(new StageMeter<String>(List.of()).apply("bbc one")).isEqualTo(StageOutcome.kept("bbc one"));
        }
    }

    @Nested
    class Reports {
        @Test
        void count_records_in_and_out_and_drops_by_reason_per_stage() {
            StageMeter<String> meter = new StageMeter<>(List.of(SCREENING, UPPER_CASE));
            for (String name : List.of("bbc one", "xxx", " ", "xyz", "itv")) {
                meter.apply(name);
            }

            List<StageReport> reports = meter.reports();

            assertThat(reports).extracting(StageReport::stage).containsExactly("screening", "upper_case");
            assertThat(reports.get(0).in()).isEqualTo(5);
            assertThat(reports.get(0).out()).isEqualTo(2);
            assertThat(reports.get(0).dropped()).isEqualTo(Map.of("adult", 2L, "blank_name", 1L));
            assertThat(reports.get(1).in()).isEqualTo(2);
            assertThat(reports.get(1).dropped()).isEmpty();
        }
    }
}
