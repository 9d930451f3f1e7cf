package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import java.util.List;
import java.util.Locale;

/**
 * One change an apply makes (or, in a dry run, would make).
 *
 * @param kind what changes: {@code source}, {@code guide}, {@code filter}, {@code mapping_rule},
 *     {@code relay_profile}, {@code proxy}, {@code output_user}, {@code mapping_rule_order}
 * @param name the entity's name (an output user's as {@code proxy/username})
 * @param fields for an update, the settings that change
 */
public record ConfigChange(Action action, String kind, String name, List<String> fields) {
    public enum Action {
        CREATE,
        UPDATE,
        DELETE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ConfigChange {
        Checks.requireNonNull(action, "action");
        kind = Checks.requireText(kind, "kind");
        name = Checks.requireText(name, "name");
        fields = List.copyOf(fields);
    }

    /** {@code update proxy "Main" (sources, output)}. */
    public String describe() {
        String what = action.word() + " " + kind + " \"" + name + "\"";
        return fields.isEmpty() ? what : what + " (" + String.join(", ", fields) + ")";
    }
}
