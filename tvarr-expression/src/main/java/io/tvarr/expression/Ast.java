package io.tvarr.expression;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The syntax tree: what the parser builds, the printer prints and the compiler turns into evaluators. */
final class Ast {
    private Ast() {}

    sealed interface Condition permits And, Or, Not, Constant, Comparison {}

    record And(Condition left, Condition right) implements Condition {}

    record Or(Condition left, Condition right) implements Condition {}

    record Not(Condition inner) implements Condition {}

    record Constant(boolean value) implements Condition {}

    record Comparison(Field field, Operator operator, boolean caseSensitive, Value value) implements Condition {}

    sealed interface Value permits Text, Number, Bool, FieldRef, Capture {}

    /** A quoted string; {@code $1}..{@code $9} inside it are replaced by captures when a rule sets it. */
    record Text(String text) implements Value {}

    record Number(String text) implements Value {}

    record Bool(boolean value) implements Value {}

    record FieldRef(Field field) implements Value {}

    record Capture(int group) implements Value {}

    enum ActionKind {
        SET("SET", "="),
        SET_IF_EMPTY("SET_IF_EMPTY", "?="),
        APPEND("APPEND", "+="),
        REMOVE("REMOVE", "-="),
        DELETE("DELETE", null);

        final String keyword;
        final @Nullable String shorthand;

        ActionKind(String keyword, @Nullable String shorthand) {
            this.keyword = keyword;
            this.shorthand = shorthand;
        }
    }

    record Action(ActionKind kind, Field field, @Nullable Value value) {}

    /** A mapping rule; a null condition always applies. */
    record Rule(@Nullable Condition condition, List<Action> actions) {
        Rule {
            actions = List.copyOf(actions);
        }
    }
}
