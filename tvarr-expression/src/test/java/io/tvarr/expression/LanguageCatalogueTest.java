package io.tvarr.expression;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.TestData;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.InvalidExpressionException;
import io.tvarr.domain.filter.port.out.ExpressionTrial;
import io.tvarr.domain.filter.port.out.ExpressionTrial.Detail;
import io.tvarr.domain.filter.port.out.ExpressionTrial.Outcome;
import io.tvarr.domain.source.StreamSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LanguageCatalogueTest {
    final LanguageCatalogue language = new LanguageCatalogue();
    final StreamSource source = anM3uSource("provider");
    final Channel film4 = aChannel().from(source.id()).named("Film4 +1").build();

    @Nested
    class Trial {
        @Test
        void a_rule_reports_the_values_before_and_after_it_ran() {
            ExpressionTrial trial = language.trial(
                    ExpressionDomain.STREAM_MAPPING,
                    "name matches \"^(.*) \\+(\\d)$\" SET name = \"$1\", tvg_shift = $2");

            Outcome outcome = trial.run(film4, source, Detail.VALUES);

            assertThat(outcome.matched()).isTrue();
            assertThat(outcome.failed()).isFalse();
            assertThat(outcome.before())
                    .containsEntry("channel_name", "Film4 +1")
                    .doesNotContainKey("tvg_shift");
            assertThat(outcome.before())
                    .containsEntry("source_name", "provider")
                    .containsEntry("source_type", "m3u");
            assertThat(outcome.after()).containsEntry("channel_name", "Film4").containsEntry("tvg_shift", "1");
        }

        @Test
        void a_verdict_carries_no_values() {
            ExpressionTrial trial = language.trial(ExpressionDomain.STREAM_FILTER, "name contains \"film\"");

            Outcome outcome = trial.run(film4, source, Detail.VERDICT);

            assertThat(outcome.matched()).isTrue();
            assertThat(outcome.before()).isEmpty();
            assertThat(outcome.after()).isEmpty();
        }

        @Test
        void a_record_whose_evaluation_fails_is_reported_as_failed_and_not_matched() {
            ExpressionTrial trial = language.trial(ExpressionDomain.STREAM_FILTER, "name > 3");

            Outcome outcome = trial.run(film4, source, Detail.VALUES);

            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.matched()).isFalse();
            assertThat(outcome.after()).isEmpty();
        }

        @Test
        void runs_programme_expressions_on_programmes_only() {
            ExpressionTrial trial = language.trial(ExpressionDomain.EPG_FILTER, "title equals \"News\"");
            EpgSourceId guide = EpgSourceId.random();

            assertThat(trial.run(aProgramme(guide, "bbc1", TestData.T0, "News"), Detail.VERDICT)
                            .matched())
                    .isTrue();
            assertThatThrownBy(() -> trial.run(film4, source, Detail.VERDICT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("EPG_FILTER");
        }

        @Test
        void an_invalid_expression_is_refused_with_its_column() {
            assertThatThrownBy(() -> language.trial(ExpressionDomain.STREAM_FILTER, "name contans \"x\""))
                    .isInstanceOfSatisfying(
                            InvalidExpressionException.class,
                            e -> assertThat(e.problem().column()).isEqualTo(6));
        }
    }
}
