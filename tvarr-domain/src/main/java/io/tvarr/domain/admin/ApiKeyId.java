package io.tvarr.domain.admin;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of an API key. */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    public static ApiKeyId parse(String text) {
        return new ApiKeyId(Ids.parseUuid(text, "API key id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
