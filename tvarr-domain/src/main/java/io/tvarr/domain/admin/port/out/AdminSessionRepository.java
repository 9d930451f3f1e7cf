package io.tvarr.domain.admin.port.out;

import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.AdminUserId;
import java.time.Instant;
import java.util.Optional;

/** Stores logged-in sessions by the digest of their token. */
public interface AdminSessionRepository {
    void insert(AdminSession session);

    Optional<AdminSession> findByTokenDigest(String tokenDigest);

    /** Stores a later last-seen time and expiry. */
    void update(AdminSession session);

    void delete(String tokenDigest);

    /** Ends every session of the user but {@code keep} (null: all of them), as after a password change. */
    void deleteByUser(AdminUserId user, @org.jspecify.annotations.Nullable String keep);

    /** Removes sessions expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
