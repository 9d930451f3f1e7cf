package io.tvarr.domain.relay;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.relay.port.out.ConnectionLeaseRepository;
import io.tvarr.domain.source.SourceId;
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
    public synchronized Optional<ConnectionLease> claim(
            SourceId source, int limit, String instance, String holder, Instant now, Instant expiresAt) {
        answer();
        for (int slot = 0; slot < limit; slot++) {
            int s = slot;
            boolean held = rows.stream().anyMatch(l -> l.source().equals(source) && l.slot() == s && l.liveAt(now));
            if (!held) {
                rows.removeIf(l -> l.source().equals(source) && l.slot() == s);
                ConnectionLease lease = new ConnectionLease(source, slot, instance, holder, expiresAt);
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
                rows.set(i, new ConnectionLease(l.source(), l.slot(), l.instance(), l.holder(), expiresAt));
                renewed++;
            }
        }
        return renewed;
    }

    @Override
    public synchronized boolean release(ConnectionLease lease) {
        answer();
        return rows.removeIf(l -> l.source().equals(lease.source())
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
    public synchronized List<ConnectionLease> findLive(SourceId source, Instant now) {
        answer();
        return rows.stream()
                .filter(l -> l.source().equals(source) && l.liveAt(now))
                .toList();
    }
}
