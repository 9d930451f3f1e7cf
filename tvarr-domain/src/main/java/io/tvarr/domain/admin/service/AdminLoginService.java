package io.tvarr.domain.admin.service;

import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.account.port.out.PasswordHasher;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.AdminSettings;
import io.tvarr.domain.admin.AdminUser;
import io.tvarr.domain.admin.OpenedSession;
import io.tvarr.domain.admin.port.in.AdminLogin;
import io.tvarr.domain.admin.port.in.AdminSessionsUseCase;
import io.tvarr.domain.admin.port.in.AuditTrailUseCase;
import io.tvarr.domain.admin.port.in.LogInAdminUseCase;
import io.tvarr.domain.admin.port.in.LoginAttempt;
import io.tvarr.domain.admin.port.out.AdminSessionRepository;
import io.tvarr.domain.admin.port.out.AdminUserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Password logins, throttled, and the sessions they open. */
public final class AdminLoginService implements LogInAdminUseCase, AdminSessionsUseCase {
    private static final Logger log = LoggerFactory.getLogger(AdminLoginService.class);
    /** A session's last-seen time is stored at most this often, so browsing does not write on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AdminUserRepository users;
    private final AdminSessionRepository sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecretTokens tokens;
    private final AuditTrailUseCase audit;
    private final AdminSettings settings;
    private final Clock clock;
    /** Checked against when the username is unknown, so an unknown name costs as long as a wrong password. */
    private final String decoy;

    public AdminLoginService(
            AdminUserRepository users,
            AdminSessionRepository sessions,
            PasswordHasher hasher,
            LoginThrottle throttle,
            SecretTokens tokens,
            AuditTrailUseCase audit,
            AdminSettings settings,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.decoy = hasher.decoyHash();
    }

    @Override
    public AdminLogin logIn(LoginAttempt attempt) {
        Optional<Duration> wait = throttle.heldOff(attempt.username(), attempt.address());
        if (wait.isPresent()) {
            log.warn(
                    "admin login held off username={} address={} retry_after_s={}",
                    attempt.username(),
                    attempt.address(),
                    wait.get().toSeconds());
            return new AdminLogin.Throttled(wait.get());
        }
        Optional<AdminUser> found = users.findByUsername(attempt.username());
        boolean matches;
        if (found.isPresent()) {
            matches = hasher.matches(attempt.password(), found.get().passwordHash());
        } else {
            hasher.matches(attempt.password(), decoy);
            matches = false;
        }
        if (!matches) {
            throttle.failed(attempt.username(), attempt.address());
            audit.record(
                    Actor.user(printable(attempt.username())),
                    "admin login",
                    printable(attempt.username()),
                    "refused",
                    attempt.address());
            log.info("admin login refused username={} address={}", printable(attempt.username()), attempt.address());
            return new AdminLogin.Refused();
        }
        AdminUser user = found.get();
        throttle.succeeded(user.username());
        Instant now = clock.instant();
        sessions.deleteExpired(now);
        String token = tokens.next();
        AdminSession session = new AdminSession(
                SecretTokens.digest(token), user.id(), user.username(), tokens.next(), now, now, expiry(now, now));
        sessions.insert(session);
        audit.record(Actor.user(user.username()), "admin login", user.username(), "ok", attempt.address());
        log.info("admin logged in username={} address={}", user.username(), attempt.address());
        return new AdminLogin.Granted(new OpenedSession(session, token));
    }

    @Override
    public Optional<AdminSession> resume(String token) {
        String digest = SecretTokens.digest(token);
        Optional<AdminSession> found = sessions.findByTokenDigest(digest);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AdminSession session = found.get();
        if (session.expiredAt(now)) {
            sessions.delete(digest);
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
            session = session.seenAt(now, expiry(session.createdAt(), now));
            sessions.update(session);
        }
        return Optional.of(session);
    }

    @Override
    public void logOut(String token) {
        String digest = SecretTokens.digest(token);
        sessions.findByTokenDigest(digest).ifPresent(session -> {
            sessions.delete(digest);
            audit.record(Actor.user(session.username()), "admin logout", session.username(), "ok", null);
            log.info("admin logged out username={}", session.username());
        });
    }

    private Instant expiry(Instant createdAt, Instant now) {
        Instant idle = now.plus(settings.sessionIdle());
        Instant cap = createdAt.plus(settings.sessionLifetime());
        return idle.isBefore(cap) ? idle : cap;
    }

    /** Usernames typed at a login form are untrusted: bounded and kept to one printable line in logs and audit. */
    private static String printable(String username) {
        String trimmed = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        String line = trimmed.replaceAll("\\p{Cntrl}", "?");
        return line.isBlank() ? "(blank)" : line;
    }
}
