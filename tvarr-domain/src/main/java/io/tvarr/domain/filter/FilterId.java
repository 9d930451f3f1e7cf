package io.tvarr.domain.filter;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a filter. */
public record FilterId(UUID value) {
    public FilterId {
        Objects.requireNonNull(value, "value");
    }

    public static FilterId random() {
        return new FilterId(UUID.randomUUID());
    }

    public static FilterId parse(String text) {
        return new FilterId(Ids.parseUuid(text, "filter id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
