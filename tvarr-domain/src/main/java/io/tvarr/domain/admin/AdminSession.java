package io.tvarr.domain.admin;

import io.tvarr.domain.Checks;
import java.time.Instant;

/**
 * A logged-in browser. The cookie holds a random token; only its digest is stored, so a leaked database does not
 * log anyone in.
 *
 * @param tokenDigest SHA-256 of the cookie's token
 * @param csrfToken what forms and API calls made with this session's cookie must echo back
 * @param expiresAt when the session ends unless used again (never later than {@code createdAt} plus the lifetime)
 */
public record AdminSession(
        String tokenDigest,
        AdminUserId user,
        String username,
        String csrfToken,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt) {
    public AdminSession {
        tokenDigest = Checks.requireText(tokenDigest, "token_digest");
        Checks.requireNonNull(user, "user");
        username = Checks.requireText(username, "username");
        csrfToken = Checks.requireText(csrfToken, "csrf_token");
        Checks.requireNonNull(createdAt, "created_at");
        Checks.requireNonNull(lastSeenAt, "last_seen_at");
        Checks.requireNonNull(expiresAt, "expires_at");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public AdminSession seenAt(Instant now, Instant newExpiry) {
        return new AdminSession(tokenDigest, user, username, csrfToken, createdAt, now, newExpiry);
    }
}
