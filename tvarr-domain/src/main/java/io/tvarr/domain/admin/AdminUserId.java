package io.tvarr.domain.admin;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of an admin user. */
public record AdminUserId(UUID value) {
    public AdminUserId {
        Objects.requireNonNull(value, "value");
    }

    public static AdminUserId random() {
        return new AdminUserId(UUID.randomUUID());
    }

    public static AdminUserId parse(String text) {
        return new AdminUserId(Ids.parseUuid(text, "admin user id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
