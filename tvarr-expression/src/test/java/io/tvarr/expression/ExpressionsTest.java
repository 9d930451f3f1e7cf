package io.tvarr.expression;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProgramme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.TestData;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.ExpressionDomain;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
    private final EvaluationContext context = new EvaluationContext();

    private final Channel bbc = aChannel()
            .named("BBC One HD")
            .inGroup("UK | Entertainment")
            .withTvgId("bbc1.uk")
            .withNumber("101")
            .withUrl("http://provider.example/live/1.ts")
            .build();

    private ChannelRecord record(Channel channel) {
        return new ChannelRecord().load(channel, "Provider", "m3u", "http://provider.example/list.m3u");
    }

    private boolean matches(String expression, Channel channel) {
        return Expressions.filter(ExpressionDomain.STREAM_FILTER, expression).matches(record(channel), context);
    }

    private Channel map(String rule, Channel channel) {
        ChannelRecord record = record(channel);
        Expressions.rule(ExpressionDomain.STREAM_MAPPING, rule).apply(record, context);
        return record.toChannel();
    }

    @Nested
    class Conditions {
        @Test
        void text_comparisons_ignore_case_by_default() {
            assertThat(matches("group_title contains \"entertainment\"", bbc)).isTrue();
            assertThat(matches("channel_name starts_with 'bbc'", bbc)).isTrue();
            assertThat(matches("channel_name ends_with \"hd\"", bbc)).isTrue();
            assertThat(matches("channel_name equals \"bbc one hd\"", bbc)).isTrue();
        }

        @Test
        void case_sensitive_makes_one_comparison_exact() {
            assertThat(matches("channel_name ends_with case_sensitive \"hd\"", bbc))
                    .isFalse();
            assertThat(matches("channel_name ends_with case_sensitive \"HD\"", bbc))
                    .isTrue();
        }

        @Test
        void every_operator_spelling_is_accepted() {
            for (String op : List.of("equals", "eq", "==", "=", "EQUALS")) {
                assertThat(matches("tvg_id " + op + " \"bbc1.uk\"", bbc)).as(op).isTrue();
            }
            for (String op : List.of("not_equals", "neq", "!=")) {
                assertThat(matches("tvg_id " + op + " \"x\"", bbc)).as(op).isTrue();
            }
            assertThat(matches("channel_name =~ \"^BBC\\\\s+\\\\w+\"", bbc)).isTrue();
            assertThat(matches("channel_name !~ \"^ITV\"", bbc)).isTrue();
            assertThat(matches("number gt 100 AND number gte 101 AND chno < 102 AND chno lte 101", bbc))
                    .isTrue();
        }

        @Test
        void not_before_an_operator_negates_it() {
            assertThat(matches("channel_name not contains \"ITV\"", bbc)).isTrue();
            assertThat(matches("channel_name not_contains \"BBC\"", bbc)).isFalse();
        }

        @Test
        void precedence_is_not_then_and_then_or() {
            assertThat(matches("name contains \"x\" AND name contains \"y\" OR name contains \"bbc\"", bbc))
                    .isTrue();
            assertThat(matches("NOT name contains \"x\" AND name contains \"bbc\"", bbc))
                    .isTrue();
            assertThat(matches("name contains \"bbc\" AND (name contains \"x\" OR false)", bbc))
                    .isFalse();
            assertThat(matches("!(name contains \"x\") && true || false", bbc)).isTrue();
        }

        @Test
        void keywords_inside_strings_are_text() {
            Channel tom = aChannel().named("Tom and Jerry OR Friends").build();

            assertThat(matches("name contains \"Tom and Jerry OR\"", tom)).isTrue();
            assertThat(matches("name equals \"Tom and Jerry\"", tom)).isFalse();
        }

        @Test
        void an_empty_filter_matches_everything() {
            assertThat(matches("   ", bbc)).isTrue();
        }

        @Test
        void a_non_numeric_value_is_an_evaluation_error_not_a_crash() {
            Channel unnumbered = aChannel().named("X").withNumber("abc").build();

            assertThat(matches("channel_number > 5", unnumbered)).isFalse();
            assertThat(context.errors()).isEqualTo(1);
            assertThat(context.firstError()).contains("'abc' is not a number");
        }

        @Test
        void a_field_can_be_compared_with_another_field() {
            Channel same = aChannel().named("bbc1.uk").withTvgId("BBC1.UK").build();

            assertThat(matches("channel_name equals $tvg_id", same)).isTrue();
        }

        @Test
        void catastrophic_backtracking_is_cut_off_and_reported() {
            Channel evil = aChannel().named("a".repeat(34) + "!").build();

            assertThat(matches("name matches \"(.*a){20}$\"", evil)).isFalse();
            assertThat(context.firstError()).contains("gave up after");
        }

        @Test
        void source_fields_are_readable() {
            assertThat(matches("source_type equals \"m3u\" AND source_name equals \"provider\"", bbc))
                    .isTrue();
        }
    }

    @Nested
    class Rules {
        @Test
        void set_with_a_condition_and_shorthands() {
            Channel mapped = map(
                    "group contains \"uk\" group = \"UK\", tvg_logo ?= \"http://logo/x.png\", name += \" (GB)\"", bbc);

            assertThat(mapped.group()).isEqualTo("UK");
            assertThat(mapped.logoUrl()).isEqualTo("http://logo/x.png");
            assertThat(mapped.name()).isEqualTo("BBC One HD (GB)");
        }

        @Test
        void several_action_keywords_in_one_rule() {
            Channel mapped = map("SET tvg_name = \"BBC 1\" APPEND group = \" +\" REMOVE channel_name = \" HD\"", bbc);

            assertThat(mapped.tvgName()).isEqualTo("BBC 1");
            assertThat(mapped.group()).isEqualTo("UK | Entertainment +");
            assertThat(mapped.name()).isEqualTo("BBC One");
        }

        @Test
        void set_if_empty_keeps_existing_values_and_delete_clears() {
            Channel mapped = map("true SET_IF_EMPTY tvg_id = \"other\" DELETE group", bbc);

            assertThat(mapped.tvgId()).isEqualTo("bbc1.uk");
            assertThat(mapped.group()).isNull();
        }

        @Test
        void a_rule_whose_condition_fails_changes_nothing() {
            assertThat(map("name contains \"ITV\" SET group = \"x\"", bbc)).isSameAs(bbc);
        }

        @Test
        void captures_fill_values_and_strings() {
            Channel plus1 = aChannel().named("Film4 +1").build();

            Channel mapped = map("name matches \"^(.*) \\\\+(\\\\d)$\" SET name = \"$1 HD\", tvg_shift = $2", plus1);

            assertThat(mapped.name()).isEqualTo("Film4 HD");
            assertThat(mapped.attribute("tvg-shift")).isEqualTo("1");
        }

        @Test
        void captures_come_from_the_last_match_of_an_and_chain_and_the_matching_or_branch() {
            Channel channel =
                    aChannel().named("UK: Sky Sports 1").inGroup("Sports").build();

            Channel and =
                    map("name matches \"^(\\\\w+):\" AND name matches \"(\\\\d)$\" SET tvg_name = \"$1\"", channel);
            Channel or = map(
                    "(name matches \"^(US):\" AND group = \"x\") OR name matches \"^(UK):\" SET tvg_name = \"$1\"",
                    channel);

            assertThat(and.tvgName()).isEqualTo("1");
            assertThat(or.tvgName()).isEqualTo("UK");
        }

        @Test
        void a_chain_applies_in_order_and_stops_on_match() {
            RuleChain chain = new RuleChain(List.of(
                    new RuleChain.Link(Expressions.rule(ExpressionDomain.STREAM_MAPPING, "SET group = \"A\""), false),
                    new RuleChain.Link(
                            Expressions.rule(ExpressionDomain.STREAM_MAPPING, "group = \"A\" SET group = \"B\""), true),
                    new RuleChain.Link(Expressions.rule(ExpressionDomain.STREAM_MAPPING, "SET group = \"C\""), false)));
            ChannelRecord record = record(bbc);

            assertThat(chain.apply(record, context)).isEqualTo(2);
            assertThat(record.toChannel().group()).isEqualTo("B");
        }

        @Test
        void programme_rules_reach_title_category_and_season() {
            EpgProgramme news = aProgramme(EpgSourceId.random(), "bbc1.uk", TestData.T0, "The News");
            ProgrammeRecord record = new ProgrammeRecord().load(news, "Sports");

            Expressions.rule(
                            ExpressionDomain.EPG_MAPPING,
                            "channel_group_title equals \"sports\" SET genre = \"Sports, Live\", season = 3,"
                                    + " title += \"!\"")
                    .apply(record, context);
            EpgProgramme mapped = record.toProgramme();

            assertThat(mapped.categories()).containsExactly("Sports", "Live");
            assertThat(mapped.episodeXmltvNs()).isEqualTo("2.1.0/1");
            assertThat(mapped.title()).isEqualTo("The News!");
        }
    }

    @Nested
    class Filters_as_a_set {
        @Test
        void includes_then_excludes() {
            FilterSet set = new FilterSet(
                    List.of(Expressions.filter(ExpressionDomain.STREAM_FILTER, "group contains \"uk\"")),
                    List.of(Expressions.filter(ExpressionDomain.STREAM_FILTER, "name contains \"adult\"")));

            assertThat(set.accepts(record(bbc), context)).isTrue();
            assertThat(set.accepts(
                            record(aChannel().named("Adult UK").inGroup("UK").build()), context))
                    .isFalse();
            assertThat(set.accepts(record(aChannel().named("CNN").inGroup("US").build()), context))
                    .isFalse();
            assertThat(new FilterSet(List.of(), List.of()).accepts(record(bbc), context))
                    .isTrue();
        }
    }

    @Nested
    class Errors {
        @Test
        void a_missing_value_names_the_operator_and_column() {
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, "channel_name contains"))
                    .isInstanceOf(ExpressionException.class)
                    .hasMessage("expected a value after 'contains' at column 22")
                    .satisfies(e -> assertThat(((ExpressionException) e).caret())
                            .isEqualTo("channel_name contains\n                     ^"));
        }

        @Test
        void an_unknown_field_suggests_the_closest() {
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, "chanel_name contains \"x\""))
                    .hasMessage("unknown field 'chanel_name' (did you mean 'channel_name'?) at column 1");
        }

        @Test
        void writing_a_read_only_field_is_refused() {
            assertThatThrownBy(() -> Expressions.rule(ExpressionDomain.STREAM_MAPPING, "SET stream_url = \"x\""))
                    .hasMessage("field 'stream_url' is read-only at column 5");
        }

        @Test
        void an_invalid_regex_reports_the_regex_error() {
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, "name matches \"(a\""))
                    .hasMessageStartingWith("invalid regex: Unclosed group");
        }

        @Test
        void an_unclosed_string_and_parenthesis_are_named() {
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, "name contains \"x"))
                    .hasMessage("string is not closed (missing \") at column 15");
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, "(name contains \"x\""))
                    .hasMessageStartingWith("expected ')' to close the '(' at column 1");
        }

        @Test
        void a_rule_needs_an_action() {
            assertThatThrownBy(() -> Expressions.rule(ExpressionDomain.STREAM_MAPPING, "name contains \"x\""))
                    .hasMessageStartingWith("expected an action");
        }

        @Test
        void programme_fields_are_not_channel_fields() {
            assertThat(Expressions.validate(ExpressionDomain.STREAM_FILTER, "title contains \"x\""))
                    .hasValueSatisfying(e -> assertThat(e.problem()).startsWith("unknown field 'title'"));
            assertThat(Expressions.validate(ExpressionDomain.EPG_FILTER, "title contains \"x\""))
                    .isEmpty();
        }

        @Test
        void deep_nesting_is_refused_with_the_limit_and_column() {
            String deep = "(".repeat(10_000) + "name contains \"x\"" + ")".repeat(10_000);
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, deep))
                    .isInstanceOf(ExpressionException.class)
                    .hasMessage("expression nests deeper than 64 levels of parentheses and NOT at column 65");
            String negations = "NOT ".repeat(10_000) + "name contains \"x\"";
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, negations))
                    .hasMessageStartingWith("expression nests deeper than 64 levels");
        }

        @Test
        void an_overlong_chain_of_conditions_is_refused() {
            String chain = String.join(" OR ", java.util.Collections.nCopies(100_000, "name contains \"x\""));
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, chain))
                    .isInstanceOf(ExpressionException.class)
                    .hasMessageStartingWith("expression has more than 1000 conditions");
        }

        @Test
        void a_long_but_allowed_chain_compiles_and_runs() {
            String chain = String.join(" AND ", java.util.Collections.nCopies(999, "NOT name contains \"zzz\""));
            assertThat(matches(chain + " AND name contains \"BBC\"", bbc)).isTrue();
        }

        @Test
        void a_long_chain_compiles_prints_and_runs_on_a_small_stack() throws Exception {
            // a cold JVM links string concatenation and lambdas deep in whatever stack first uses them; a chain
            // handled recursively overflowed there, so the chain must not cost stack in proportion to its length
            String chain = String.join(" OR ", java.util.Collections.nCopies(999, "name matches \"^zzz(.)\""));
            java.util.concurrent.atomic.AtomicReference<Object> outcome =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread small = new Thread(
                    null,
                    () -> {
                        try {
                            outcome.set(matches(chain + " OR name contains \"BBC\"", bbc));
                        } catch (Throwable t) {
                            outcome.set(t);
                        }
                    },
                    "small-stack",
                    64 * 1024);
            small.start();
            small.join();

            assertThat(outcome.get()).isEqualTo(true);
        }

        @Test
        void numeric_operators_refuse_text_literals() {
            assertThatThrownBy(() -> Expressions.filter(ExpressionDomain.STREAM_FILTER, "number > \"ten\""))
                    .hasMessageContaining("compares numbers");
        }
    }
}
