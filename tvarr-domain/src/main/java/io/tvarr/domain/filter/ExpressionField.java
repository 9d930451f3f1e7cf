package io.tvarr.domain.filter;

import java.util.List;

/** A field expressions may use, with its aliases. */
public record ExpressionField(String name, List<String> aliases, boolean readOnly) {
    public ExpressionField {
        aliases = List.copyOf(aliases);
    }
}
