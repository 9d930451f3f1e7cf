package io.tvarr.expression;

import java.util.List;

/**
 * A field expressions can read (and, unless read-only, write). {@code index} is the slot the field occupies in a
 * {@link FieldValues} record of its kind.
 */
public record Field(String name, List<String> aliases, boolean readOnly, int index) {
    public Field {
        aliases = List.copyOf(aliases);
    }
}
