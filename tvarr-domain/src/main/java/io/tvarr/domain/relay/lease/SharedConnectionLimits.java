package io.tvarr.domain.relay.lease;

import io.tvarr.domain.Checks;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.LeaseKey;
import io.tvarr.domain.relay.port.out.ConnectionLeaseRepository;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection limits held across every instance on one database: a source's provider connections, an output user's
 * streams, an HDHomeRun device's tuners. Before an instance opens such a connection it leases one of the key's
 * slots, and gives it back when the connection closes. Its heartbeat renews all its leases, and checks that each is
 * still its own: a lease lost while the database was out of reach for longer than the lease, and taken over by
 * another instance, is taken again when a slot is free, else its connection is ended. An instance that stops
 * renewing loses its leases after {@code lease}, and the others take the slots over. Thread-safe.
 */
public final class SharedConnectionLimits {
    private static final Logger log = LoggerFactory.getLogger(SharedConnectionLimits.class);

    private final ConnectionLeaseRepository leases;
    private final String instance;
    private final Duration lease;
    private final Clock clock;
    /** The connections this instance holds now, which its heartbeat checks. */
    private final Set<HeldLease> held = ConcurrentHashMap.newKeySet();
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
     * Leases one of the source's provider connections for this instance.
     *
     * @param limit the source's limit, 1 or more
     * @param onLost ends the connection when its lease is lost to another instance
     * @throws UnavailableException when every connection is leased (naming the instances holding them), or when the
     *     leases cannot be read: without them a connection could pass the limit, so none is opened
     */
    public HeldLease take(SourceId source, String sourceName, int limit, Runnable onLost) {
        if (limit < 1) {
            throw new ValidationException("source '" + sourceName + "': connection limit " + limit
                    + " (expected: 1 or more; a source without a limit needs no lease)");
        }
        String what = "source '" + sourceName + "'";
        return tryTake(LeaseKey.source(source), what, limit, null, onLost).orElseThrow(() -> {
            List<String> holders = holders(LeaseKey.source(source), what);
            return new UnavailableException(
                    what + " already uses " + holders.size() + " of its " + limit
                            + " allowed connection(s) across tvarr's instances (held by "
                            + String.join(", ", holders) + "); stop another channel from it first",
                    0);
        });
    }

    /**
     * Leases one of the key's connections for this instance, when fewer than {@code limit} are leased.
     *
     * @param what names what the key limits in messages and logs ("user 'alice'")
     * @param detail what the connection serves, for the other instances to show; null for nothing
     * @param onLost ends the connection when its lease is lost to another instance
     * @return empty when every connection is leased
     * @throws UnavailableException when the leases cannot be read
     */
    public Optional<HeldLease> tryTake(LeaseKey key, String what, int limit, @Nullable String detail, Runnable onLost) {
        if (limit < 1) {
            throw new ValidationException(what + ": connection limit " + limit + " (expected: 1 or more)");
        }
        return counted(what, () -> {
            forgetEarlierRun();
            Instant now = clock.instant();
            Optional<HeldLease> taken =
                    leases.claim(wanted(key, detail, now), limit, now).map(l -> new HeldLease(l, what, limit, onLost));
            taken.ifPresent(held::add);
            return taken;
        });
    }

    /** The key's connections leased now, by slot, on every instance. */
    public List<ConnectionLease> live(LeaseKey key, String what) {
        return counted(what, () -> leases.findLive(key, clock.instant()));
    }

    /** The instances holding the key's connections now, one per connection, for a refusal. */
    public List<String> holders(LeaseKey key, String what) {
        return live(key, what).stream().map(ConnectionLease::instance).toList();
    }

    private <T> T counted(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (StorageException e) {
            throw new UnavailableException(
                    what + ": its connections across tvarr's instances cannot be counted (" + e.getMessage()
                            + "); no connection is opened until the database answers",
                    5);
        }
    }

    private ConnectionLease wanted(LeaseKey key, @Nullable String detail, Instant now) {
        return new ConnectionLease(key, 0, instance, UUID.randomUUID().toString(), detail, now.plus(lease));
    }

    /**
     * Lets the connection end at {@code end} unless this is called again: for a connection tvarr does not see end
     * (a redirect), the heartbeat gives its lease back once {@code end} has passed.
     */
    public void holdUntil(HeldLease taken, Instant end) {
        taken.until(end);
    }

    /** Gives the connection back; a lease another instance took over meanwhile is left to it. */
    public void release(HeldLease taken) {
        if (!taken.markReleased()) {
            return; // released already, or lost: the slot is not this instance's any more
        }
        held.remove(taken);
        ConnectionLease current = taken.lease();
        try {
            if (!leases.release(current)) {
                log.warn(
                        "connection lease was taken over key={} slot={} instance={}",
                        current.key(),
                        current.slot(),
                        instance);
            }
        } catch (StorageException e) {
            unreleased.add(current);
            log.warn(
                    "connection lease not released, retried at the next heartbeat key={} slot={} reason={}",
                    current.key(),
                    current.slot(),
                    e.getMessage());
        }
    }

    /**
     * Gives back what could not be released before and what has passed its end, renews every connection this
     * instance holds, then checks that each is still its own (see the class); called more often than the lease runs.
     *
     * @return the number of leases renewed
     */
    public int heartbeat() {
        forgetEarlierRun();
        for (ConnectionLease pending = unreleased.peek(); pending != null; pending = unreleased.peek()) {
            leases.release(pending);
            unreleased.remove(pending);
        }
        Instant now = clock.instant();
        for (HeldLease taken : List.copyOf(held)) {
            Instant end = taken.until();
            if (end != null && !end.isAfter(now)) {
                release(taken);
            }
        }
        List<HeldLease> watched = List.copyOf(held);
        int renewed = leases.renewAll(instance, now.plus(lease));
        if (!watched.isEmpty()) {
            Set<String> holders = new HashSet<>(leases.findHolders(instance));
            for (HeldLease taken : watched) {
                if (taken.held() && !holders.contains(taken.lease().holder())) {
                    regain(taken, now);
                }
            }
        }
        return renewed;
    }

    /** A lease renewing did not find: taken again when a slot is free, else its connection is ended. */
    private void regain(HeldLease taken, Instant now) {
        ConnectionLease gone = taken.lease();
        Optional<ConnectionLease> again = leases.claim(wanted(gone.key(), gone.detail(), now), taken.limit(), now);
        if (again.isPresent()) {
            if (taken.replace(again.get())) {
                log.info(
                        "connection lease lost and taken again what={} key={} slot={} instance={}",
                        taken.what(),
                        gone.key(),
                        again.get().slot(),
                        instance);
            } else {
                leases.release(again.get()); // its connection closed meanwhile
            }
            return;
        }
        if (taken.markLost()) {
            held.remove(taken);
            log.warn(
                    "connection lease lost to another instance, connection ended what={} key={} slot={} instance={}"
                            + " held_by={} reason={}",
                    taken.what(),
                    gone.key(),
                    gone.slot(),
                    instance,
                    holdersNow(gone.key(), now),
                    "another instance took the slot over (this one had not renewed it within the lease) and none of"
                            + " the " + taken.limit() + " connection(s) is free to take again");
            taken.endConnection();
        }
    }

    /** For the log: who holds the key's slots; the connection ends whether the database tells or not. */
    private String holdersNow(LeaseKey key, Instant now) {
        try {
            return String.join(
                    ",",
                    leases.findLive(key, now).stream()
                            .map(ConnectionLease::instance)
                            .toList());
        } catch (StorageException e) {
            return "unknown (" + e.getMessage() + ")";
        }
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
