package io.tvarr.domain.xtream.service;

import io.tvarr.domain.account.OutputUserId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** How many streams each output user has open now. Thread-safe; one per server, forgotten on restart. */
final class UserConnections {
    private final ConcurrentMap<OutputUserId, Integer> open = new ConcurrentHashMap<>();

    int active(OutputUserId user) {
        return open.getOrDefault(user, 0);
    }

    /** Takes a connection when fewer than {@code max} are open; says whether it did. */
    boolean tryAcquire(OutputUserId user, int max) {
        boolean[] taken = {false};
        open.compute(user, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(OutputUserId user) {
        open.computeIfPresent(user, (k, count) -> count <= 1 ? null : count - 1);
    }
}
