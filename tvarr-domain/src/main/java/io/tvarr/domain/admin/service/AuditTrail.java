package io.tvarr.domain.admin.service;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Page;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminSettings;
import io.tvarr.domain.admin.AuditEntry;
import io.tvarr.domain.admin.AuditEntryId;
import io.tvarr.domain.admin.port.in.AuditTrailUseCase;
import io.tvarr.domain.admin.port.out.AuditRepository;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail over its repository, stamped with the clock. */
public final class AuditTrail implements AuditTrailUseCase {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRepository entries;
    private final Clock clock;
    private final AdminSettings settings;

    public AuditTrail(AuditRepository entries, Clock clock, AdminSettings settings) {
        this.entries = entries;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void record(Actor actor, String action, String target, String outcome, @Nullable String address) {
        entries.append(new AuditEntry(
                AuditEntryId.random(), clock.instant(), actor.label(), action, target, outcome, address));
    }

    @Override
    public Page<AuditEntry> list(int page, int size) {
        Checks.requireRange(page, 0, Integer.MAX_VALUE, "page");
        Checks.requireRange(size, 1, 500, "size");
        return entries.findPage(page, size);
    }

    /** Drops entries older than the retention; run daily. */
    public int cleanUp() {
        int removed = entries.deleteOlderThan(clock.instant().minus(settings.auditRetention()));
        if (removed > 0) {
            log.info("audit entries removed count={}", removed);
        }
        return removed;
    }
}
