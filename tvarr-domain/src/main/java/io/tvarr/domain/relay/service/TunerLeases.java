package io.tvarr.domain.relay.service;

import io.tvarr.domain.proxy.ProxyId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** How many tuners of each HDHomeRun device stream now. Thread-safe; one per server, forgotten on restart. */
final class TunerLeases {
    private final ConcurrentMap<ProxyId, Integer> busy = new ConcurrentHashMap<>();

    /** Takes a tuner when fewer than {@code tuners} stream; says whether it did. */
    boolean tryAcquire(ProxyId device, int tuners) {
        boolean[] taken = {false};
        busy.compute(device, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= tuners) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(ProxyId device) {
        busy.computeIfPresent(device, (k, count) -> count <= 1 ? null : count - 1);
    }
}
