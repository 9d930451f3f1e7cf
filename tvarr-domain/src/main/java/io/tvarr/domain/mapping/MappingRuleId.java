package io.tvarr.domain.mapping;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a data-mapping rule. */
public record MappingRuleId(UUID value) {
    public MappingRuleId {
        Objects.requireNonNull(value, "value");
    }

    public static MappingRuleId random() {
        return new MappingRuleId(UUID.randomUUID());
    }

    public static MappingRuleId parse(String text) {
        return new MappingRuleId(Ids.parseUuid(text, "mapping rule id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
