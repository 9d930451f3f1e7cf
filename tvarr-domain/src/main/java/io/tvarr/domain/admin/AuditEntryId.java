package io.tvarr.domain.admin;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of an audit entry. */
public record AuditEntryId(UUID value) {
    public AuditEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static AuditEntryId random() {
        return new AuditEntryId(UUID.randomUUID());
    }

    public static AuditEntryId parse(String text) {
        return new AuditEntryId(Ids.parseUuid(text, "audit entry id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
