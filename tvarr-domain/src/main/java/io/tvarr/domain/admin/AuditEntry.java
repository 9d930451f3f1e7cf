package io.tvarr.domain.admin;

import io.tvarr.domain.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change someone made.
 *
 * @param actor {@link Actor#label()}
 * @param action what was done, e.g. {@code PUT /api/v1/proxies/{id}} or {@code admin user added}
 * @param target what it was done to (ids, a username); empty when nothing in particular
 * @param outcome the HTTP status or a word such as {@code ok} / {@code refused}
 */
public record AuditEntry(
        AuditEntryId id,
        Instant at,
        String actor,
        String action,
        String target,
        String outcome,
        @Nullable String address) {
    public AuditEntry {
        Checks.requireNonNull(id, "id");
        Checks.requireNonNull(at, "at");
        actor = Checks.requireText(actor, "actor");
        action = Checks.requireText(action, "action");
        target = target == null ? "" : target;
        outcome = Checks.requireText(outcome, "outcome");
    }
}
