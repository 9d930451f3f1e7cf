package io.tvarr.domain.xtream.service;

import io.tvarr.domain.account.OutputUserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many connections each output user holds now. A connection is held under a key: requests under the same key
 * (one player's overlapping range requests on one file) count as one connection however many are open. A redirect,
 * whose stream tvarr never sees end, holds a lease instead: a connection that lasts until its time runs out or the
 * same key renews it. Thread-safe; one per server, forgotten on restart.
 */
final class UserConnections {
    private final Clock clock;
    private final ConcurrentMap<OutputUserId, Held> users = new ConcurrentHashMap<>();

    UserConnections(Clock clock) {
        this.clock = clock;
    }

    /** The user's connections: the distinct keys held by open requests or by leases still running. */
    int active(OutputUserId user) {
        Held held = users.get(user);
        if (held == null) {
            return 0;
        }
        synchronized (held) {
            return held.active(clock.instant());
        }
    }

    /** Whether a request under {@code key} would be admitted now: the key is held already, or a connection is free. */
    boolean admits(OutputUserId user, String key, int max) {
        Held held = held(user);
        synchronized (held) {
            return held.holds(key, clock.instant()) || held.active(clock.instant()) < max;
        }
    }

    /**
     * Joins the connection held under {@code key}, or takes a new one when fewer than {@code max} are held; says
     * whether it did.
     */
    boolean tryAcquire(OutputUserId user, String key, int max) {
        Held held = held(user);
        synchronized (held) {
            Instant now = clock.instant();
            if (!held.holds(key, now) && held.active(now) >= max) {
                return false;
            }
            held.open.merge(key, 1, Integer::sum);
            return true;
        }
    }

    /** Leaves the connection held under {@code key}; it is freed when its last request leaves. */
    void release(OutputUserId user, String key) {
        Held held = users.get(user);
        if (held == null) {
            return;
        }
        synchronized (held) {
            held.open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /**
     * Holds a connection under {@code key} for {@code time} from now: renews the key's lease when it runs, else takes
     * a new connection when fewer than {@code max} are held; says whether it did.
     */
    boolean lease(OutputUserId user, String key, int max, Duration time) {
        Held held = held(user);
        synchronized (held) {
            Instant now = clock.instant();
            if (!held.holds(key, now) && held.active(now) >= max) {
                return false;
            }
            held.leases.put(key, now.plus(time));
            return true;
        }
    }

    /** Ends the lease held under {@code key}, if any. */
    void endLease(OutputUserId user, String key) {
        Held held = users.get(user);
        if (held == null) {
            return;
        }
        synchronized (held) {
            held.leases.remove(key);
        }
    }

    private Held held(OutputUserId user) {
        return users.computeIfAbsent(user, u -> new Held());
    }

    /** One user's open requests (count per key) and leases (end per key); guarded by itself. */
    private static final class Held {
        final Map<String, Integer> open = new HashMap<>();
        final Map<String, Instant> leases = new HashMap<>();

        int active(Instant now) {
            leases.values().removeIf(end -> !end.isAfter(now));
            int count = open.size();
            for (String key : leases.keySet()) {
                if (!open.containsKey(key)) {
                    count++;
                }
            }
            return count;
        }

        boolean holds(String key, Instant now) {
            Instant end = leases.get(key);
            return open.containsKey(key) || (end != null && end.isAfter(now));
        }
    }
}
