package io.tvarr.domain.xtream.service;

import io.tvarr.domain.account.OutputUserId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many streams each output user has open now. A connection is held under a key: requests under the same key
 * (one player's overlapping range requests on one file) count as one connection however many are open. Thread-safe;
 * one per server, forgotten on restart.
 */
final class UserConnections {
    /** Per user, the keys held and how many requests hold each. */
    private final ConcurrentMap<OutputUserId, Map<String, Integer>> open = new ConcurrentHashMap<>();

    /** The user's connections: the distinct keys held. */
    int active(OutputUserId user) {
        Map<String, Integer> held = open.get(user);
        if (held == null) {
            return 0;
        }
        synchronized (held) {
            return held.size();
        }
    }

    /** Whether a request under {@code key} would be admitted now: the key is held already, or a connection is free. */
    boolean admits(OutputUserId user, String key, int max) {
        Map<String, Integer> held = open.get(user);
        if (held == null) {
            return max > 0;
        }
        synchronized (held) {
            return held.containsKey(key) || held.size() < max;
        }
    }

    /**
     * Joins the connection held under {@code key}, or takes a new one when fewer than {@code max} are held; says
     * whether it did.
     */
    boolean tryAcquire(OutputUserId user, String key, int max) {
        boolean[] taken = {false};
        open.compute(user, (k, held) -> {
            Map<String, Integer> now = held == null ? new HashMap<>() : held;
            synchronized (now) {
                if (now.containsKey(key) || now.size() < max) {
                    now.merge(key, 1, Integer::sum);
                    taken[0] = true;
                }
                return now.isEmpty() ? null : now;
            }
        });
        return taken[0];
    }

    /** Leaves the connection held under {@code key}; it is freed when its last request leaves. */
    void release(OutputUserId user, String key) {
        open.computeIfPresent(user, (k, held) -> {
            synchronized (held) {
                held.computeIfPresent(key, (x, n) -> n <= 1 ? null : n - 1);
                return held.isEmpty() ? null : held;
            }
        });
    }
}
