package io.tvarr.domain.relay.service;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.LeaseKey;
import io.tvarr.domain.relay.TunerStatus;
import io.tvarr.domain.relay.lease.HeldLease;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which tuners of each HDHomeRun device stream now, and what. Alone on its database an instance counts its own; with
 * other instances ({@code shared}) each tuner is a lease there (slot = tuner number, its channel and player as the
 * lease's detail), so a device's tuner count holds across instances and every instance shows every busy tuner.
 * Thread-safe; one per server.
 */
final class TunerLeases {
    private final @Nullable SharedConnectionLimits shared;
    private final Map<ProxyId, Map<Integer, TunerUse>> busy = new HashMap<>();

    TunerLeases(@Nullable SharedConnectionLimits shared) {
        this.shared = shared;
    }

    /** The device's tuners across instances, as {@link LeaseKey} names them. */
    static LeaseKey key(ProxyId device) {
        return new LeaseKey("tuner:" + device);
    }

    /** A tuner's current stream. */
    record TunerUse(String channel, String clientAddress) {
        /** As a lease's detail: both are single words (an id, an address). */
        String detail() {
            return channel + " " + clientAddress;
        }

        static @Nullable TunerUse ofDetail(@Nullable String detail) {
            if (detail == null || detail.indexOf(' ') < 0) {
                return null;
            }
            int space = detail.indexOf(' ');
            return new TunerUse(detail.substring(0, space), detail.substring(space + 1));
        }
    }

    /** A tuner taken: its number, and its lease across instances (null alone on the database). */
    record Taken(int tuner, @Nullable HeldLease lease) {}

    /**
     * Takes the lowest free tuner of {@code tuners}, as a real device hands out tuner0 first.
     *
     * @param what names the device in messages and logs
     * @param onLost ends the stream when another instance took its tuner's lease over
     * @return the tuner taken, empty when all stream
     */
    Optional<Taken> tryAcquire(ProxyId device, String what, int tuners, TunerUse use, Runnable onLost) {
        if (shared != null) {
            return shared.tryTake(key(device), what, tuners, use.detail(), onLost)
                    .map(lease -> new Taken(lease.lease().slot(), lease));
        }
        synchronized (this) {
            Map<Integer, TunerUse> taken = busy.computeIfAbsent(device, k -> new HashMap<>());
            for (int tuner = 0; tuner < tuners; tuner++) {
                if (!taken.containsKey(tuner)) {
                    taken.put(tuner, use);
                    return Optional.of(new Taken(tuner, null));
                }
            }
            return Optional.empty();
        }
    }

    void release(ProxyId device, Taken tuner) {
        if (shared != null && tuner.lease() != null) {
            shared.release(tuner.lease());
            return;
        }
        synchronized (this) {
            Map<Integer, TunerUse> taken = busy.get(device);
            if (taken != null) {
                taken.remove(tuner.tuner());
                if (taken.isEmpty()) {
                    busy.remove(device);
                }
            }
        }
    }

    /** The instances holding the device's tuners, one per tuner; empty alone on the database. */
    List<String> holders(ProxyId device, String what) {
        return shared == null ? List.of() : shared.holders(key(device), what);
    }

    /** Every tuner of a device of {@code tuners}, idle or streaming (on any instance), in tuner order. */
    List<TunerStatus> status(ProxyId device, String what, int tuners) {
        Map<Integer, TunerUse> taken = new HashMap<>();
        if (shared != null) {
            for (ConnectionLease lease : shared.live(key(device), what)) {
                TunerUse use = TunerUse.ofDetail(lease.detail());
                taken.put(lease.slot(), use == null ? new TunerUse("unknown", lease.instance()) : use);
            }
        } else {
            synchronized (this) {
                taken.putAll(busy.getOrDefault(device, Map.of()));
            }
        }
        List<TunerStatus> status = new ArrayList<>(tuners);
        for (int tuner = 0; tuner < tuners; tuner++) {
            TunerUse use = taken.get(tuner);
            status.add(new TunerStatus(
                    "tuner" + tuner, use == null ? null : use.channel(), use == null ? null : use.clientAddress()));
        }
        return status;
    }
}
