package io.tvarr.domain.admin.service;

import io.tvarr.domain.admin.AdminSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds off password guessing: after too many failures within a window, for one username or from one address, no
 * password is checked until the window has passed. Counts live in memory; a restart forgets them, which costs an
 * attacker a restart they cannot cause.
 */
public final class LoginThrottle {
    /** Beyond this many tracked names or addresses, stale ones are dropped first, then the oldest. */
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final AdminSettings settings;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, AdminSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** How long to wait before this username or address may try again; empty when it may try now. */
    public Optional<Duration> heldOff(String username, String address) {
        Instant now = clock.instant();
        Duration user = wait(byUser.get(key(username)), settings.failuresPerUser(), now);
        Duration from = wait(byAddress.get(address), settings.failuresPerAddress(), now);
        Duration longest = user.compareTo(from) >= 0 ? user : from;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(byUser, key(username), now);
        count(byAddress, address, now);
    }

    /** A right password clears the username's failures; the address keeps its count, one success proves little. */
    public void succeeded(String username) {
        byUser.remove(key(username));
    }

    private Duration wait(Failures failures, int limit, Instant now) {
        if (failures == null || failures.count() < limit) {
            return Duration.ZERO;
        }
        Instant until = failures.windowStart().plus(settings.throttleWindow());
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void count(Map<String, Failures> counts, String key, Instant now) {
        counts.compute(
                key,
                (k, old) -> old == null || !now.isBefore(old.windowStart().plus(settings.throttleWindow()))
                        ? new Failures(now, 1)
                        : new Failures(old.windowStart(), old.count() + 1));
        if (counts.size() > MAX_TRACKED) {
            prune(counts, now);
        }
    }

    private void prune(Map<String, Failures> counts, Instant now) {
        counts.values().removeIf(f -> !now.isBefore(f.windowStart().plus(settings.throttleWindow())));
        if (counts.size() > MAX_TRACKED) {
            Instant oldest = counts.values().stream()
                    .map(Failures::windowStart)
                    .sorted()
                    .skip(counts.size() - MAX_TRACKED)
                    .findFirst()
                    .orElse(now);
            counts.values().removeIf(f -> f.windowStart().isBefore(oldest));
        }
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private record Failures(Instant windowStart, int count) {}
}
