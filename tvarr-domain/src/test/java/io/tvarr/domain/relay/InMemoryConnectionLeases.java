package io.tvarr.domain.relay;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.relay.port.out.ConnectionLeaseRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The connection leases of one database, in memory; {@link #unreachable} makes every call fail as a lost database does. */
public final class InMemoryConnectionLeases implements ConnectionLeaseRepository {
    public final List<ConnectionLease> rows = new ArrayList<>();
    public volatile boolean unreachable;

    private void answer() {
        if (unreachable) {
            throw new StorageException("database: connection refused", new IllegalStateException());
        }
    }

    @Override
    public synchronized Optional<ConnectionLease> claim(ConnectionLease wanted, int limit, Instant now) {
        answer();
        for (int slot = 0; slot < limit; slot++) {
            int s = slot;
            boolean held = rows.stream().anyMatch(l -> l.key().equals(wanted.key()) && l.slot() == s && l.liveAt(now));
            if (!held) {
                rows.removeIf(l -> l.key().equals(wanted.key()) && l.slot() == s);
                ConnectionLease lease = new ConnectionLease(
                        wanted.key(), slot, wanted.instance(), wanted.holder(), wanted.detail(), wanted.expiresAt());
                rows.add(lease);
                return Optional.of(lease);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized int renewAll(String instance, Instant expiresAt) {
        answer();
        int renewed = 0;
        for (int i = 0; i < rows.size(); i++) {
            ConnectionLease l = rows.get(i);
            if (l.instance().equals(instance)) {
                rows.set(i, new ConnectionLease(l.key(), l.slot(), l.instance(), l.holder(), l.detail(), expiresAt));
                renewed++;
            }
        }
        return renewed;
    }

    @Override
    public synchronized boolean release(ConnectionLease lease) {
        answer();
        return rows.removeIf(l -> l.key().equals(lease.key())
                && l.slot() == lease.slot()
                && l.holder().equals(lease.holder()));
    }

    @Override
    public synchronized int releaseAll(String instance) {
        answer();
        int before = rows.size();
        rows.removeIf(l -> l.instance().equals(instance));
        return before - rows.size();
    }

    @Override
    public synchronized List<ConnectionLease> findLive(LeaseKey key, Instant now) {
        answer();
        return rows.stream().filter(l -> l.key().equals(key) && l.liveAt(now)).toList();
    }

    @Override
    public synchronized List<String> findHolders(String instance) {
        answer();
        return rows.stream()
                .filter(l -> l.instance().equals(instance))
                .map(ConnectionLease::holder)
                .toList();
    }

    /** Another instance takes every lease of {@code from} over, as after {@code from} lost the database too long. */
    public synchronized void takeOver(String from, String to, Instant expiresAt) {
        for (int i = 0; i < rows.size(); i++) {
            ConnectionLease l = rows.get(i);
            if (l.instance().equals(from)) {
                rows.set(i, new ConnectionLease(l.key(), l.slot(), to, "taken-over", l.detail(), expiresAt));
            }
        }
    }
}
