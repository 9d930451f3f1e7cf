package io.tvarr.domain.relay.service;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.relay.TunerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which tuners of each HDHomeRun device stream now, and what. Thread-safe; one per server, forgotten on restart.
 */
final class TunerLeases {
    private final Map<ProxyId, Map<Integer, TunerUse>> busy = new HashMap<>();

    /** A tuner's current stream. */
    record TunerUse(String channel, String clientAddress) {}

    /**
     * Takes the lowest free tuner of {@code tuners}, as a real device hands out tuner0 first.
     *
     * @return the tuner taken, empty when all stream
     */
    synchronized OptionalInt tryAcquire(ProxyId device, int tuners, TunerUse use) {
        Map<Integer, TunerUse> taken = busy.computeIfAbsent(device, k -> new HashMap<>());
        for (int tuner = 0; tuner < tuners; tuner++) {
            if (!taken.containsKey(tuner)) {
                taken.put(tuner, use);
                return OptionalInt.of(tuner);
            }
        }
        return OptionalInt.empty();
    }

    synchronized void release(ProxyId device, int tuner) {
        Map<Integer, TunerUse> taken = busy.get(device);
        if (taken != null) {
            taken.remove(tuner);
            if (taken.isEmpty()) {
                busy.remove(device);
            }
        }
    }

    /** Every tuner of a device of {@code tuners}, idle or streaming, in tuner order. */
    synchronized List<TunerStatus> status(ProxyId device, int tuners) {
        Map<Integer, TunerUse> taken = busy.getOrDefault(device, Map.of());
        List<TunerStatus> status = new ArrayList<>(tuners);
        for (int tuner = 0; tuner < tuners; tuner++) {
            TunerUse use = taken.get(tuner);
            status.add(new TunerStatus(
                    "tuner" + tuner, use == null ? null : use.channel(), use == null ? null : use.clientAddress()));
        }
        return status;
    }
}
