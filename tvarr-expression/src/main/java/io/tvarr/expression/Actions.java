package io.tvarr.expression;

import io.tvarr.expression.Ast.Action;
import java.util.List;

/** Compiled rule actions, applied in order to one record. */
final class Actions {
    private final Action[] actions;

    Actions(List<Action> actions) {
        this.actions = actions.toArray(Action[]::new);
    }

    void apply(FieldValues record, EvaluationContext context) {
        for (Action action : actions) {
            int field = action.field().index();
            switch (action.kind()) {
                case SET -> record.set(field, Compiler.resolve(action.value(), record, context));
                case SET_IF_EMPTY -> {
                    String current = record.get(field);
                    if (current == null || current.isBlank()) {
                        record.set(field, Compiler.resolve(action.value(), record, context));
                    }
                }
                case APPEND ->
                    record.set(field, Compiler.text(record, field) + Compiler.resolve(action.value(), record, context));
                case REMOVE -> {
                    String current = record.get(field);
                    String removed = Compiler.resolve(action.value(), record, context);
                    if (current != null && !removed.isEmpty()) {
                        record.set(field, current.replace(removed, "").strip());
                    }
                }
                case DELETE -> record.set(field, null);
            }
        }
    }
}
