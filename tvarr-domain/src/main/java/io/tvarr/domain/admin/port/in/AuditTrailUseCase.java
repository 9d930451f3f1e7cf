package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.Page;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AuditEntry;
import org.jspecify.annotations.Nullable;

/** Records and lists who changed what. */
public interface AuditTrailUseCase {
    void record(Actor actor, String action, String target, String outcome, @Nullable String address);

    /** Newest first; {@code page} counts from 0. */
    Page<AuditEntry> list(int page, int size);
}
