package io.tvarr.http.auth;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.admin.AuditEntry;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change in the audit trail. */
record AuditEntryView(
        String id,
        Instant at,

        @OpenApiDescription("user:<name>, key:<name> or system:<what>")
        String actor,

        String action,
        String target,

        @OpenApiDescription("the HTTP status, or ok / refused")
        String outcome,

        @OpenApiNullable @Nullable String address) {
    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(
                entry.id().toString(),
                entry.at(),
                entry.actor(),
                entry.action(),
                entry.target(),
                entry.outcome(),
                entry.address());
    }
}
