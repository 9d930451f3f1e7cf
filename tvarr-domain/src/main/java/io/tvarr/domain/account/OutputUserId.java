package io.tvarr.domain.account;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of an output user. */
public record OutputUserId(UUID value) {
    public OutputUserId {
        Objects.requireNonNull(value, "value");
    }

    public static OutputUserId random() {
        return new OutputUserId(UUID.randomUUID());
    }

    public static OutputUserId parse(String text) {
        return new OutputUserId(Ids.parseUuid(text, "user id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
