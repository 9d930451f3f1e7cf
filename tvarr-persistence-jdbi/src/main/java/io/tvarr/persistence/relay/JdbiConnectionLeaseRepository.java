package io.tvarr.persistence.relay;

import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.LeaseKey;
import io.tvarr.domain.relay.port.out.ConnectionLeaseRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Connection leases in table {@code connection_lease}, one row per leased slot of a key (a source, an output user, a
 * tuner device). Every write is one statement in
 * autocommit, so a claim holds no lock beyond its row: a free slot is claimed by an insert that the primary key lets
 * through once, an expired one by an update whose condition the database checks again on the row it locks
 * (PostgreSQL and InnoDB alike), so two instances never both win a slot.
 */
public final class JdbiConnectionLeaseRepository implements ConnectionLeaseRepository {
    private static final String COLUMNS = "lease_key, slot, instance, holder, detail, expires_at";

    private final Database db;
    private final String insertIfFree;

    public JdbiConnectionLeaseRepository(Database db) {
        this.db = db;
        String values = " INTO connection_lease (" + COLUMNS + ")"
                + " VALUES (:lease_key, :slot, :instance, :holder, :detail, :expires_at)";
        this.insertIfFree = db.vendor() == Vendor.MYSQL
                ? "INSERT IGNORE" + values
                : "INSERT" + values + " ON CONFLICT (lease_key, slot) DO NOTHING";
    }

    @Override
    public Optional<ConnectionLease> claim(ConnectionLease claim, int limit, Instant now) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1 or more)");
        }
        return db.withHandle(h -> {
            Map<Integer, Long> leased = new TreeMap<>();
            h.createQuery("SELECT slot, expires_at FROM connection_lease WHERE lease_key = :lease_key")
                    .bind("lease_key", claim.key().value())
                    .map((rs, ctx) -> leased.put(rs.getInt("slot"), rs.getLong("expires_at")))
                    .list();
            long live =
                    leased.values().stream().filter(e -> e > now.toEpochMilli()).count();
            if (live >= limit) {
                return Optional.empty();
            }
            ConnectionLease wanted = null;
            for (int slot = 0; slot < limit; slot++) {
                Long expires = leased.get(slot);
                if (expires != null && expires > now.toEpochMilli()) {
                    continue;
                }
                wanted = new ConnectionLease(
                        claim.key(), slot, claim.instance(), claim.holder(), claim.detail(), claim.expiresAt());
                if (expires == null ? insert(h, wanted) : takeOver(h, wanted, now)) {
                    return Optional.of(wanted);
                }
            }
            return Optional.empty();
        });
    }

    private boolean insert(Handle h, ConnectionLease lease) {
        return bind(h.createUpdate(insertIfFree), lease).execute() == 1;
    }

    /** Only while the row is still expired: an instance that renewed it or took it over first keeps it. */
    private static boolean takeOver(Handle h, ConnectionLease lease, Instant now) {
        return bind(
                                h.createUpdate("UPDATE connection_lease SET instance = :instance, holder = :holder,"
                                        + " detail = :detail, expires_at = :expires_at"
                                        + " WHERE lease_key = :lease_key AND slot = :slot"
                                        + " AND expires_at <= :now"),
                                lease)
                        .bind("now", now.toEpochMilli())
                        .execute()
                == 1;
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, ConnectionLease lease) {
        return statement
                .bind("lease_key", lease.key().value())
                .bind("slot", lease.slot())
                .bind("instance", lease.instance())
                .bind("holder", lease.holder())
                .bind("detail", lease.detail())
                .bind("expires_at", lease.expiresAt().toEpochMilli());
    }

    @Override
    public int renewAll(String instance, Instant expiresAt) {
        return db.withHandle(
                h -> h.createUpdate("UPDATE connection_lease SET expires_at = :expires_at WHERE instance = :instance")
                        .bind("expires_at", expiresAt.toEpochMilli())
                        .bind("instance", instance)
                        .execute());
    }

    @Override
    public boolean release(ConnectionLease lease) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM connection_lease WHERE lease_key = :lease_key"
                                + " AND slot = :slot AND instance = :instance AND holder = :holder")
                        .bind("lease_key", lease.key().value())
                        .bind("slot", lease.slot())
                        .bind("instance", lease.instance())
                        .bind("holder", lease.holder())
                        .execute())
                == 1;
    }

    @Override
    public int releaseAll(String instance) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM connection_lease WHERE instance = :instance")
                .bind("instance", instance)
                .execute());
    }

    @Override
    public List<ConnectionLease> findLive(LeaseKey key, Instant now) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM connection_lease"
                        + " WHERE lease_key = :lease_key AND expires_at > :now ORDER BY slot")
                .bind("lease_key", key.value())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public List<String> findHolders(String instance) {
        return db.withHandle(h -> h.createQuery("SELECT holder FROM connection_lease WHERE instance = :instance")
                .bind("instance", instance)
                .mapTo(String.class)
                .list());
    }

    private static ConnectionLease map(ResultSet rs) throws SQLException {
        return new ConnectionLease(
                new LeaseKey(rs.getString("lease_key")),
                rs.getInt("slot"),
                rs.getString("instance"),
                rs.getString("holder"),
                rs.getString("detail"),
                Instant.ofEpochMilli(rs.getLong("expires_at")));
    }
}
