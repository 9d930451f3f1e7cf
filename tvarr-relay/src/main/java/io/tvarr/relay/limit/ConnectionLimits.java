package io.tvarr.relay.limit;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.source.SourceId;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts upstream connections per source and per host and refuses one that would pass a limit. A refusal
 * never opens a connection, so a provider account is never pushed over its allowance. Thread-safe.
 */
public final class ConnectionLimits {
    private final int maxPerHost;
    private final Map<SourceId, Integer> perSource = new HashMap<>();
    private final Map<String, Integer> perHost = new HashMap<>();

    /** @param maxPerHost 0 for no per-host limit */
    public ConnectionLimits(int maxPerHost) {
        this.maxPerHost = maxPerHost;
    }

    /**
     * Takes one connection for the source and host.
     *
     * @param sourceLimit the provider's limit for the source; 0 for none
     * @throws UnavailableException naming the limit that is reached
     */
    public synchronized void acquire(SourceId source, String sourceName, int sourceLimit, String host) {
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

    public synchronized void release(SourceId source, String host) {
        perSource.computeIfPresent(source, (k, n) -> n > 1 ? n - 1 : null);
        perHost.computeIfPresent(host, (k, n) -> n > 1 ? n - 1 : null);
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
