package io.tvarr.domain.admin.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.admin.AuditEntry;
import java.time.Instant;

/** Stores the audit trail. */
public interface AuditRepository {
    void append(AuditEntry entry);

    /** Entries newest first; {@code page} counts from 0. */
    Page<AuditEntry> findPage(int page, int size);

    /** Removes entries older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff);
}
