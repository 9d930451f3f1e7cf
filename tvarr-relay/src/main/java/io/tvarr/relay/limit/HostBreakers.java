package io.tvarr.relay.limit;

import dev.failsafe.CircuitBreaker;
import io.tvarr.domain.UnavailableException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Failsafe circuit breaker per upstream host: after {@code failures} consecutive failed connections it opens
 * and refuses at once for the cool-down, then lets one try through (half-open); a success closes it again.
 * Thread-safe.
 */
public final class HostBreakers {
    private final int failures;
    private final Duration cooldown;
    private final Map<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();

    public HostBreakers(int failures, Duration cooldown) {
        this.failures = failures;
        this.cooldown = cooldown;
    }

    /** @throws UnavailableException when the host's breaker is open */
    public void permit(String host) {
        CircuitBreaker<Object> breaker = breaker(host);
        if (!breaker.tryAcquirePermit()) {
            long wait = Math.max(1, breaker.getRemainingDelay().toSeconds());
            throw new UnavailableException(
                    "upstream host " + host + " failed " + failures
                            + " times in a row; circuit breaker open, next try in " + wait + " s",
                    wait);
        }
    }

    public void succeeded(String host) {
        breaker(host).recordSuccess();
    }

    public void failed(String host) {
        breaker(host).recordFailure();
    }

    /** Breaker state per host: closed, open or half_open. */
    public Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        breakers.forEach(
                (host, breaker) -> states.put(host, breaker.getState().name().toLowerCase(Locale.ROOT)));
        return states;
    }

    private CircuitBreaker<Object> breaker(String host) {
        return breakers.computeIfAbsent(
                host,
                h -> CircuitBreaker.builder()
                        .withFailureThreshold(failures)
                        .withSuccessThreshold(1)
                        .withDelay(cooldown)
                        .build());
    }
}
