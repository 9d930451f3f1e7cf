package io.tvarr.relay;

import io.tvarr.domain.Checks;
import java.time.Duration;

/**
 * How the relay behaves.
 *
 * @param bufferBytes ring buffer per session; a client further behind than this is cut off
 * @param joinBacklogBytes how far back a late joiner starts, so it gets data at once
 * @param grace how long an upstream stays open after its last client left
 * @param connectTimeout TCP connect to the upstream
 * @param firstByteTimeout from request to first byte of the body
 * @param stallTimeout longest silence of a streaming upstream before the session ends
 * @param maxPerHost upstream sessions per host at once; 0 means no limit
 * @param breakerFailures consecutive failures that open a host's circuit breaker
 * @param breakerCooldown how long an open breaker refuses before letting one try through
 */
public record RelaySettings(
        int bufferBytes,
        int joinBacklogBytes,
        Duration grace,
        Duration connectTimeout,
        Duration firstByteTimeout,
        Duration stallTimeout,
        int maxPerHost,
        int breakerFailures,
        Duration breakerCooldown) {
    public static final RelaySettings DEFAULT = new RelaySettings(
            8 * 1024 * 1024,
            1024 * 1024,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(15),
            0,
            3,
            Duration.ofSeconds(30));

    public RelaySettings {
        Checks.requireRange(bufferBytes, 188 * 64, 512 * 1024 * 1024, "relay.buffer_bytes");
        Checks.requireRange(joinBacklogBytes, 0, bufferBytes, "relay.join_backlog_bytes");
        Checks.requireRange(maxPerHost, 0, 10_000, "relay.max_per_host");
        Checks.requireRange(breakerFailures, 1, 1000, "relay.breaker_failures");
    }
}
