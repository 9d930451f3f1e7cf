package io.tvarr.persistence.admin;

import io.tvarr.domain.Page;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.admin.AuditEntry;
import io.tvarr.domain.admin.AuditEntryId;
import io.tvarr.domain.admin.port.out.AuditRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The audit trail in table {@code audit_entry}, indexed by time for paging and clean-up. */
public final class JdbiAuditRepository implements AuditRepository {
    private static final String COLUMNS = "id, at, actor, action, target, outcome, address";

    private final Database db;

    public JdbiAuditRepository(Database db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry) {
        db.withHandle(h -> h.createUpdate("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (:id, :at, :actor,"
                        + " :action, :target, :outcome, :address)")
                .bind("id", entry.id().toString())
                .bind("at", entry.at().toEpochMilli())
                .bind("actor", entry.actor())
                .bind("action", entry.action())
                .bind("target", entry.target())
                .bind("outcome", entry.outcome())
                .bind("address", entry.address())
                .execute());
    }

    @Override
    public Page<AuditEntry> findPage(int page, int size) {
        if (page < 0) {
            throw new ValidationException("page: " + page + " (expected: 0 or more)");
        }
        if (size < 1) {
            throw new ValidationException("size: " + size + " (expected: 1 or more)");
        }
        return db.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM audit_entry")
                    .mapTo(Long.class)
                    .one();
            // entries of the same millisecond come in id order, so pages neither repeat nor skip one
            List<AuditEntry> entries = h.createQuery(
                            "SELECT " + COLUMNS + " FROM audit_entry ORDER BY at DESC, id LIMIT :limit OFFSET :offset")
                    .bind("limit", size)
                    .bind("offset", (long) page * size)
                    .map((rs, ctx) -> map(rs))
                    .list();
            return new Page<>(entries, page, size, total);
        });
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM audit_entry WHERE at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli())
                .execute());
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(
                AuditEntryId.parse(rs.getString("id")),
                Rows.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("outcome"),
                rs.getString("address"));
    }
}
