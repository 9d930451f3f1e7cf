package io.tvarr.domain.xtream.service;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.relay.LeaseKey;
import io.tvarr.domain.relay.lease.HeldLease;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * How many connections each output user holds now. A connection is held under a key: requests under the same key
 * (one player's overlapping range requests on one file) count as one connection however many are open. A redirect,
 * whose stream tvarr never sees end, holds a lease instead: a connection that lasts until its time runs out or the
 * same key renews it. With other instances on the database ({@code shared}), each connection also holds one of the
 * user's leases there, so the limit holds across instances; a connection whose lease another instance took over is
 * ended. Thread-safe; the counts of this instance are forgotten on restart.
 */
final class UserConnections {
    private final Clock clock;
    private final @Nullable SharedConnectionLimits shared;
    private final ConcurrentMap<OutputUserId, Held> users = new ConcurrentHashMap<>();

    UserConnections(Clock clock, @Nullable SharedConnectionLimits shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /**
     * The user's connections: the distinct keys held by open requests or by leases still running, on every instance
     * when shared (this instance's own count when the database cannot say).
     */
    int active(OutputUser user) {
        if (shared != null) {
            try {
                return shared.live(key(user), what(user)).size();
            } catch (UnavailableException e) {
                // a login still answers: the count is informative, the limit is enforced when a stream starts
            }
        }
        Held held = users.get(user.id());
        if (held == null) {
            return 0;
        }
        synchronized (held) {
            return active(held);
        }
    }

    /** Whether a request under {@code key} would be admitted now: the key is held already, or a connection is free. */
    boolean admits(OutputUser user, String key) {
        Held held = held(user.id());
        synchronized (held) {
            if (held.holds(key, clock.instant())) {
                return true;
            }
            if (active(held) >= user.maxConnections()) {
                return false;
            }
        }
        return shared == null || shared.live(key(user), what(user)).size() < user.maxConnections();
    }

    /**
     * Joins the connection held under {@code key}, or takes a new one when fewer than the user's limit are held; says
     * whether it did.
     *
     * @param onLost ends this request when its connection's lease is lost to another instance
     */
    boolean tryAcquire(OutputUser user, String key, Runnable onLost) {
        Held held = held(user.id());
        synchronized (held) {
            Instant now = clock.instant();
            if (!held.holds(key, now)) {
                if (active(held) >= user.maxConnections() || !lease(user, held, key)) {
                    return false;
                }
            }
            held.open.merge(key, 1, Integer::sum);
            held.enders.computeIfAbsent(key, k -> new ArrayList<>()).add(onLost);
            return true;
        }
    }

    /** Leaves the connection held under {@code key}; it is freed when its last request leaves. */
    void release(OutputUserId user, String key, Runnable onLost) {
        Held held = users.get(user);
        if (held == null) {
            return;
        }
        synchronized (held) {
            held.open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            held.enders.computeIfPresent(key, (k, list) -> {
                list.remove(onLost);
                return list.isEmpty() ? null : list;
            });
            freeIfUnused(held, key, clock.instant());
        }
    }

    /**
     * Holds a connection under {@code key} for {@code time} from now: renews the key's lease when it runs, else takes
     * a new connection when fewer than the user's limit are held; says whether it did.
     */
    boolean lease(OutputUser user, String key, Duration time) {
        Held held = held(user.id());
        synchronized (held) {
            Instant now = clock.instant();
            if (!held.holds(key, now) && active(held) >= user.maxConnections()) {
                return false;
            }
            // a new connection, or one whose lease across instances was lost: it needs a slot there (again)
            if (!held.shared.containsKey(key) && !lease(user, held, key)) {
                return false;
            }
            held.leases.put(key, now.plus(time));
            HeldLease leased = held.shared.get(key);
            if (leased != null && shared != null && !held.open.containsKey(key)) {
                shared.holdUntil(leased, now.plus(time));
            }
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
            freeIfUnused(held, key, clock.instant());
        }
    }

    /** Takes one of the user's leases across instances for a new connection; true when alone on the database. */
    private boolean lease(OutputUser user, Held held, String key) {
        if (shared == null) {
            return true;
        }
        Optional<HeldLease> taken =
                shared.tryTake(key(user), what(user), user.maxConnections(), null, () -> lost(held, key));
        taken.ifPresent(l -> held.shared.put(key, l));
        return taken.isPresent();
    }

    /** Another instance holds the connection's slot now: its requests end, a redirect's lease is forgotten. */
    private void lost(Held held, String key) {
        List<Runnable> enders;
        synchronized (held) {
            held.shared.remove(key);
            held.leases.remove(key);
            enders = List.copyOf(held.enders.getOrDefault(key, List.of()));
        }
        enders.forEach(Runnable::run);
    }

    private int active(Held held) {
        Instant now = clock.instant();
        List<String> ended = new ArrayList<>();
        held.leases.forEach((key, end) -> {
            if (!end.isAfter(now)) {
                ended.add(key);
            }
        });
        ended.forEach(key -> {
            held.leases.remove(key);
            freeIfUnused(held, key, now);
        });
        int count = held.open.size();
        for (String key : held.leases.keySet()) {
            if (!held.open.containsKey(key)) {
                count++;
            }
        }
        return count;
    }

    /** Gives the key's shared lease back once neither a request nor a running lease holds it. */
    private void freeIfUnused(Held held, String key, Instant now) {
        if (held.holds(key, now)) {
            return;
        }
        HeldLease leased = held.shared.remove(key);
        if (leased != null && shared != null) {
            shared.release(leased);
        }
    }

    private Held held(OutputUserId user) {
        return users.computeIfAbsent(user, u -> new Held());
    }

    /** The user's leases across instances, as {@link LeaseKey} names them. */
    static LeaseKey key(OutputUser user) {
        return new LeaseKey("user:" + user.id());
    }

    private static String what(OutputUser user) {
        return "user '" + user.username() + "'";
    }

    /**
     * One user's open requests (count per key), leases (end per key), leases across instances (per key) and what
     * ends each key's requests; guarded by itself.
     */
    private static final class Held {
        final Map<String, Integer> open = new HashMap<>();
        final Map<String, Instant> leases = new HashMap<>();
        final Map<String, HeldLease> shared = new HashMap<>();
        final Map<String, List<Runnable>> enders = new HashMap<>();

        boolean holds(String key, Instant now) {
            Instant end = leases.get(key);
            return open.containsKey(key) || (end != null && end.isAfter(now));
        }
    }
}
