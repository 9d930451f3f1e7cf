package io.tvarr.domain.source;

import io.tvarr.domain.Ids;
import java.util.UUID;

/** Identity of a channel source. */
public record SourceId(UUID value) {
    public SourceId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static SourceId random() {
        return new SourceId(UUID.randomUUID());
    }

    public static SourceId parse(String text) {
        return new SourceId(Ids.parseUuid(text, "source id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
