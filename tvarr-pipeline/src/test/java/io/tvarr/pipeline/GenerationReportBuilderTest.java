package io.tvarr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationReport.StageReport;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.expression.EvaluationContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GenerationReportBuilderTest {
    private static final Instant STARTED = Instant.parse("2026-03-01T12:00:00Z");

    private final ProxyId proxy = ProxyId.random();
    private final GenerationReportBuilder builder = new GenerationReportBuilder(proxy, STARTED);

    @Nested
    class Build {
        @Test
        void reports_stages_and_warnings_in_the_order_the_generation_met_them() {
            builder.stage(new StageReport("ingestion_guard", 2, 2, 0));
            builder.warn("source 'news' is disabled; skipped");
            builder.stages(List.of(new StageReport("mapping", 5, 5, 1), new StageReport("filtering", 5, 3, 1)));
            builder.warn("logo caching is not available in this setup; original logo URLs kept");

            GenerationReport report = builder.build();

            assertThat(report.proxy()).isEqualTo(proxy);
            assertThat(report.startedAt()).isEqualTo(STARTED);
            assertThat(report.stages())
                    .extracting(StageReport::stage)
                    .containsExactly("ingestion_guard", "mapping", "filtering");
            assertThat(report.warnings())
                    .containsExactly(
                            "source 'news' is disabled; skipped",
                            "logo caching is not available in this setup; original logo URLs kept");
        }

        @Test
        void carries_the_channels_and_programmes_written_and_the_unmatched_channels() {
            builder.channels(78, List.of("Local TV"), 3);
            builder.programmes(780);

            GenerationReport report = builder.build();

            assertThat(report.channels()).isEqualTo(78);
            assertThat(report.programmes()).isEqualTo(780);
            assertThat(report.unmatchedEpgChannels()).containsExactly("Local TV");
            assertThat(report.unmatchedCount()).isEqualTo(3);
        }

        @Test
        void without_evaluation_errors_adds_no_warning() {
            builder.evaluations(new EvaluationContext());

            GenerationReport report = builder.build();

            assertThat(report.evaluationErrors()).isZero();
            assertThat(report.warnings()).isEmpty();
        }
    }

    @Nested
    class Logo_failures {
        @Test
        void are_all_counted_and_the_first_200_listed_as_url_and_reason() {
            Map<String, String> failed = new LinkedHashMap<>();
            for (int i = 0; i < 250; i++) {
                failed.put("http://logos.example/" + i + ".png", "404");
            }

            builder.logoFailures(failed);
            GenerationReport report = builder.build();

            assertThat(report.logoFailures()).isEqualTo(250);
            assertThat(report.failedLogos()).hasSize(200).contains("http://logos.example/0.png: 404");
        }

        @Test
        void are_a_warning_the_user_sees() {
            builder.logoFailures(Map.of("http://logos.example/broken.png", "http 404"));

            assertThat(builder.build().warnings())
                    .containsExactly("1 logos could not be cached and keep their original URL; first:"
                            + " http://logos.example/broken.png: http 404");
        }
    }
}
