package io.tvarr.domain.admin;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import java.time.Duration;

/**
 * How long logins last and how hard guessing is made.
 *
 * @param sessionIdle a session unused this long ends
 * @param sessionLifetime no session lasts longer, used or not
 * @param failuresPerUser failed logins for one username within {@code throttleWindow} before it is held off
 * @param failuresPerAddress failed logins from one address within {@code throttleWindow} before it is held off
 * @param auditRetention how long audit entries are kept
 */
public record AdminSettings(
        Duration sessionIdle,
        Duration sessionLifetime,
        int failuresPerUser,
        int failuresPerAddress,
        Duration throttleWindow,
        Duration auditRetention) {
    public static final AdminSettings DEFAULT = new AdminSettings(
            Duration.ofDays(7), Duration.ofDays(30), 5, 20, Duration.ofMinutes(15), Duration.ofDays(365));

    public AdminSettings {
        requirePositive(sessionIdle, "auth.session_idle");
        requirePositive(sessionLifetime, "auth.session_lifetime");
        Checks.requireRange(failuresPerUser, 1, 1_000, "auth.failures_per_user");
        Checks.requireRange(failuresPerAddress, 1, 10_000, "auth.failures_per_address");
        requirePositive(throttleWindow, "auth.throttle_window");
        requirePositive(auditRetention, "auth.audit_retention");
    }

    private static void requirePositive(Duration value, String field) {
        Checks.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new ValidationException(field + ": " + value + " (expected: more than zero)");
        }
    }
}
