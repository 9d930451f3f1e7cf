package io.tvarr.domain.relay.service;

import io.tvarr.domain.Checks;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.port.out.ConnectionLeaseRepository;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's provider connection limit held across every instance on one database: before an instance opens a
 * connection to a limited source it leases one of the source's slots, and gives it back when the connection closes.
 * Its heartbeat renews all its leases; an instance that stops renewing loses them after {@code lease}, and the others
 * take the slots over. Thread-safe.
 */
public final class SharedConnectionLimits {
    private static final Logger log = LoggerFactory.getLogger(SharedConnectionLimits.class);

    private final ConnectionLeaseRepository leases;
    private final String instance;
    private final Duration lease;
    private final Clock clock;
    /** Leases whose release failed: the heartbeat renews every lease of the instance, so it gives these back first. */
    private final Queue<ConnectionLease> unreleased = new ConcurrentLinkedQueue<>();
    /** Whether the leases an earlier run of this instance id left are gone. */
    private boolean fresh;

    /**
     * @param instance this instance's id, as its jobs carry it
     * @param lease how long a connection stays this instance's without a {@link #heartbeat()}
     */
    public SharedConnectionLimits(ConnectionLeaseRepository leases, String instance, Duration lease, Clock clock) {
        this.leases = leases;
        this.instance = Checks.requireText(instance, "instance.id");
        if (lease.isNegative() || lease.isZero()) {
            throw new ValidationException("instance.lease: " + lease + " (expected: more than zero)");
        }
        this.lease = lease;
        this.clock = clock;
    }

    public String instance() {
        return instance;
    }

    /**
     * Leases one of the source's connections for this instance.
     *
     * @param limit the source's limit, 1 or more
     * @throws UnavailableException when every connection is leased (naming the instances holding them), or when the
     *     leases cannot be read: without them a connection could pass the limit, so none is opened
     */
    public ConnectionLease take(SourceId source, String sourceName, int limit) {
        if (limit < 1) {
            throw new ValidationException("source '" + sourceName + "': connection limit " + limit
                    + " (expected: 1 or more; a source without a limit needs no lease)");
        }
        try {
            forgetEarlierRun();
            Instant now = clock.instant();
            return leases.claim(source, limit, instance, UUID.randomUUID().toString(), now, now.plus(lease))
                    .orElseThrow(() -> refusal(source, sourceName, limit, now));
        } catch (StorageException e) {
            throw new UnavailableException(
                    "source '" + sourceName + "': its connections across tvarr's instances cannot be counted ("
                            + e.getMessage() + "); no connection is opened until the database answers",
                    5);
        }
    }

    private UnavailableException refusal(SourceId source, String sourceName, int limit, Instant now) {
        List<String> holders = leases.findLive(source, now).stream()
                .map(ConnectionLease::instance)
                .toList();
        return new UnavailableException(
                "source '" + sourceName + "' already uses " + holders.size() + " of its " + limit
                        + " allowed connection(s) across tvarr's instances (held by " + String.join(", ", holders)
                        + "); stop another channel from it first",
                0);
    }

    /** Gives the connection back; a lease another instance took over meanwhile is left to it. */
    public void release(ConnectionLease taken) {
        try {
            if (!leases.release(taken)) {
                log.warn(
                        "connection lease was taken over source_id={} slot={} instance={}",
                        taken.source(),
                        taken.slot(),
                        instance);
            }
        } catch (StorageException e) {
            unreleased.add(taken);
            log.warn(
                    "connection lease not released, retried at the next heartbeat source_id={} slot={} reason={}",
                    taken.source(),
                    taken.slot(),
                    e.getMessage());
        }
    }

    /**
     * Gives back what could not be released before, then renews every connection this instance holds; called more
     * often than the lease runs.
     *
     * @return the number of leases renewed
     */
    public int heartbeat() {
        forgetEarlierRun();
        for (ConnectionLease pending = unreleased.peek(); pending != null; pending = unreleased.peek()) {
            leases.release(pending);
            unreleased.remove(pending);
        }
        return leases.renewAll(instance, clock.instant().plus(lease));
    }

    /**
     * Drops what an earlier run under this instance's id left behind (a fixed id after a crash), once, before this
     * run takes or renews anything: this run holds none of those connections, and its heartbeat would otherwise keep
     * them forever.
     */
    private synchronized void forgetEarlierRun() {
        if (fresh) {
            return;
        }
        int dropped = leases.releaseAll(instance);
        if (dropped > 0) {
            log.info("connection leases of an earlier run dropped instance={} leases={}", instance, dropped);
        }
        fresh = true;
    }
}
