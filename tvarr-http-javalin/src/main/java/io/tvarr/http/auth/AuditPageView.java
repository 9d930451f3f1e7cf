package io.tvarr.http.auth;

import io.tvarr.domain.Page;
import io.tvarr.domain.admin.AuditEntry;
import java.util.List;

/** A page of the audit trail, newest first. */
record AuditPageView(List<AuditEntryView> items, int page, int size, long total) {
    static AuditPageView of(Page<AuditEntry> page) {
        return new AuditPageView(
                page.items().stream().map(AuditEntryView::of).toList(), page.page(), page.size(), page.total());
    }
}
