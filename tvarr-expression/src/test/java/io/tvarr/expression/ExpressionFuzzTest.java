package io.tvarr.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.filter.ExpressionDomain;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Seeded property tests: junk never escapes as anything but ExpressionException; printing round-trips. */
class ExpressionFuzzTest {
    private static final List<String> VOCABULARY = List.of(
            "channel_name",
            "group",
            "tvg_id",
            "number",
            "stream_url",
            "bogus",
            "AND",
            "OR",
            "NOT",
            "and",
            "&&",
            "||",
            "!",
            "(",
            ")",
            ",",
            "contains",
            "not",
            "equals",
            "=",
            "==",
            "!=",
            "=~",
            "!~",
            ">",
            ">=",
            "<",
            "<=",
            "matches",
            "case_sensitive",
            "starts_with",
            "ends_with",
            "gt",
            "lte",
            "true",
            "false",
            "\"x\"",
            "'it''s'",
            "\"(a\"",
            "\"[\"",
            "42",
            "-1.5",
            "$1",
            "$9",
            "$0",
            "$channel_name",
            "$",
            "SET",
            "SET_IF_EMPTY",
            "APPEND",
            "REMOVE",
            "DELETE",
            "?=",
            "+=",
            "-=",
            "\"unterminated",
            "@",
            "#",
            "\\",
            "\"\\q\"",
            "1.2.3");

    @Nested
    class Random_token_streams {
        @Test
        void never_throw_anything_but_the_documented_parse_error() {
            Random random = new Random(20261124);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(12);
                for (int t = 0; t < length; t++) {
                    text.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())))
                            .append(random.nextInt(4) == 0 ? "" : " ");
                }
                String expression = text.toString();
                for (ExpressionDomain domain : ExpressionDomain.values()) {
                    try {
                        Expressions.validate(domain, expression);
                    } catch (RuntimeException e) {
                        throw new AssertionError("'" + expression + "' in " + domain + " threw " + e, e);
                    }
                }
            }
        }

        @Test
        void compiled_junk_evaluates_without_throwing() {
            Random random = new Random(7);
            ChannelRecord record = new ChannelRecord()
                    .load(io.tvarr.domain.TestData.aChannel().named("BBC").build(), "s", "m3u", "http://s");
            EvaluationContext context = new EvaluationContext();
            int compiled = 0;
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int t = 0; t < 1 + random.nextInt(8); t++) {
                    text.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())))
                            .append(' ');
                }
                try {
                    Expressions.rule(ExpressionDomain.STREAM_MAPPING, text.toString())
                            .apply(record, context);
                    compiled++;
                } catch (ExpressionException expected) {
                    // invalid input is the common case; only other exceptions are failures
                }
            }
            assertThat(compiled).isPositive();
        }
    }

    @Nested
    class Printing {
        private final Random random = new Random(99);
        private final List<Field> fields = FieldRegistry.CHANNELS.fields();

        @Test
        void generated_conditions_round_trip_through_the_printer_and_parser() {
            for (int i = 0; i < 5_000; i++) {
                Ast.Condition condition = condition(3);
                String printed = Printer.condition(condition);

                Ast.Condition parsed = new Parser(printed, FieldRegistry.CHANNELS).condition();

                assertThat(parsed).as(printed).isEqualTo(condition);
            }
        }

        @Test
        void generated_rules_round_trip_through_the_printer_and_parser() {
            for (int i = 0; i < 2_000; i++) {
                Ast.Rule rule = new Ast.Rule(random.nextBoolean() ? null : condition(2), List.of(action(), action()));
                String printed = Printer.rule(rule);

                assertThat(new Parser(printed, FieldRegistry.CHANNELS).rule())
                        .as(printed)
                        .isEqualTo(rule);
            }
        }

        private Ast.Condition condition(int depth) {
            int pick = depth == 0 ? 4 : random.nextInt(6);
            return switch (pick) {
                case 0 -> new Ast.And(condition(depth - 1), condition(depth - 1));
                case 1 -> new Ast.Or(condition(depth - 1), condition(depth - 1));
                case 2 -> new Ast.Not(condition(depth - 1));
                case 3 -> new Ast.Constant(random.nextBoolean());
                default -> comparison();
            };
        }

        private Ast.Comparison comparison() {
            Operator operator = Operator.values()[random.nextInt(Operator.values().length)];
            Field field = fields.get(random.nextInt(fields.size()));
            Ast.Value value;
            if (operator.numeric()) {
                value = new Ast.Number(Integer.toString(random.nextInt(1000) - 500));
            } else if (operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) {
                value = new Ast.Text("^(\\w+) \"q\"\\s*$");
            } else {
                value = value();
            }
            return new Ast.Comparison(field, operator, random.nextBoolean(), value);
        }

        private Ast.Value value() {
            return switch (random.nextInt(5)) {
                case 0 -> new Ast.Text("a \"quoted\" \\ value\twith\nbreaks AND or");
                case 1 -> new Ast.Number("3.5");
                case 2 -> new Ast.Bool(random.nextBoolean());
                case 3 -> new Ast.FieldRef(fields.get(random.nextInt(fields.size())));
                default -> new Ast.Capture(1 + random.nextInt(9));
            };
        }

        private Ast.Action action() {
            List<Field> writable = fields.stream().filter(f -> !f.readOnly()).toList();
            Field field = writable.get(random.nextInt(writable.size()));
            Ast.ActionKind kind = Ast.ActionKind.values()[random.nextInt(Ast.ActionKind.values().length)];
            return new Ast.Action(kind, field, kind == Ast.ActionKind.DELETE ? null : value());
        }
    }
}
