package io.tvarr.relay.limit;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.relay.lease.HeldLease;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.source.SourceId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Counts upstream connections per source and per host and refuses one that would pass a limit. A refusal
 * never opens a connection, so a provider account is never pushed over its allowance. With other instances on the
 * database ({@code shared}), a connection to a limited source also needs one of the source's leases there, taken
 * after this instance's own count admits it (so a refusal here costs no database round trip). A lease lost to another
 * instance is handed to {@code onLost}, which ends one connection of the source. Thread-safe; the database is asked
 * outside this object's lock.
 */
public final class ConnectionLimits {
    private final int maxPerHost;
    private final @Nullable SharedConnectionLimits shared;
    private final Consumer<SourceId> onLost;
    private final Map<SourceId, Integer> perSource = new HashMap<>();
    private final Map<String, Integer> perHost = new HashMap<>();
    /**
     * The leases this instance holds per source; any of a source's is as good as another to give back, but a lost one
     * first: the connection ended for it is the one giving it back.
     */
    private final Map<SourceId, Deque<HeldLease>> leases = new HashMap<>();

    /** @param maxPerHost 0 for no per-host limit */
    public ConnectionLimits(int maxPerHost) {
        this(maxPerHost, null, source -> {});
    }

    /**
     * @param maxPerHost 0 for no per-host limit
     * @param shared the source limits across instances; null when this instance is alone on its database
     * @param onLost ends one of this instance's connections to the source: its lease was lost to another instance
     */
    public ConnectionLimits(int maxPerHost, @Nullable SharedConnectionLimits shared, Consumer<SourceId> onLost) {
        this.maxPerHost = maxPerHost;
        this.shared = shared;
        this.onLost = onLost;
    }

    /**
     * Takes one connection for the source and host.
     *
     * @param sourceLimit the provider's limit for the source; 0 for none
     * @throws UnavailableException naming the limit that is reached
     */
    public void acquire(SourceId source, String sourceName, int sourceLimit, String host) {
        acquire(source, sourceName, sourceLimit, host, () -> onLost.accept(source));
    }

    /**
     * Takes one connection for the source and host whose holder ends it itself when its lease is lost to another
     * instance, instead of this object's {@code onLost} choosing one of the source's connections.
     *
     * @param sourceLimit the provider's limit for the source; 0 for none
     * @param end ends this connection: its lease was lost to another instance
     * @throws UnavailableException naming the limit that is reached
     */
    public void acquire(SourceId source, String sourceName, int sourceLimit, String host, Runnable end) {
        count(source, sourceName, sourceLimit, host);
        if (shared == null || sourceLimit <= 0) {
            return;
        }
        HeldLease lease;
        try {
            lease = shared.take(source, sourceName, sourceLimit, end);
        } catch (RuntimeException e) {
            uncount(source, host);
            throw e;
        }
        synchronized (this) {
            leases.computeIfAbsent(source, k -> new ArrayDeque<>()).push(lease);
        }
    }

    private synchronized void count(SourceId source, String sourceName, int sourceLimit, String host) {
        int sourceUse = perSource.getOrDefault(source, 0);
        if (sourceLimit > 0 && sourceUse >= sourceLimit) {
            throw new UnavailableException(
                    "source '" + sourceName + "' already uses " + sourceUse + " of its " + sourceLimit
                            + " allowed connection(s); stop another channel from it first",
                    0);
        }
        int hostUse = perHost.getOrDefault(host, 0);
        if (maxPerHost > 0 && hostUse >= maxPerHost) {
            throw new UnavailableException(
                    "upstream host " + host + " already has " + hostUse + " of " + maxPerHost
                            + " allowed connection(s) (relay.max_per_host)",
                    0);
        }
        perSource.put(source, sourceUse + 1);
        perHost.put(host, hostUse + 1);
    }

    private synchronized void uncount(SourceId source, String host) {
        perSource.computeIfPresent(source, (k, n) -> n > 1 ? n - 1 : null);
        perHost.computeIfPresent(host, (k, n) -> n > 1 ? n - 1 : null);
    }

    public void release(SourceId source, String host) {
        HeldLease lease = null;
        synchronized (this) {
            uncount(source, host);
            Deque<HeldLease> held = leases.get(source);
            if (held != null) {
                lease = held.stream().filter(HeldLease::lost).findFirst().orElse(held.peek());
                held.remove(lease);
                if (held.isEmpty()) {
                    leases.remove(source);
                }
            }
        }
        if (lease != null && shared != null) {
            shared.release(lease);
        }
    }

    public synchronized Map<String, Integer> sourceUse() {
        Map<String, Integer> use = new HashMap<>();
        perSource.forEach((source, n) -> use.put(source.toString(), n));
        return use;
    }

    public synchronized int hostUse(String host) {
        return perHost.getOrDefault(host, 0);
    }
}
