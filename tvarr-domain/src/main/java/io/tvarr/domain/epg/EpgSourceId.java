package io.tvarr.domain.epg;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a guide source. */
public record EpgSourceId(UUID value) {
    public EpgSourceId {
        Objects.requireNonNull(value, "value");
    }

    public static EpgSourceId random() {
        return new EpgSourceId(UUID.randomUUID());
    }

    public static EpgSourceId parse(String text) {
        return new EpgSourceId(Ids.parseUuid(text, "epg source id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
