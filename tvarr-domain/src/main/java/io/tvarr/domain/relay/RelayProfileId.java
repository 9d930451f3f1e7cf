package io.tvarr.domain.relay;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a relay profile. */
public record RelayProfileId(UUID value) {
    public RelayProfileId {
        Objects.requireNonNull(value, "value");
    }

    public static RelayProfileId random() {
        return new RelayProfileId(UUID.randomUUID());
    }

    public static RelayProfileId parse(String text) {
        return new RelayProfileId(Ids.parseUuid(text, "relay profile id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
