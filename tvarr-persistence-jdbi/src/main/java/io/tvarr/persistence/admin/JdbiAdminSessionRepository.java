package io.tvarr.persistence.admin;

import io.tvarr.domain.admin.AdminSession;
import io.tvarr.domain.admin.AdminUserId;
import io.tvarr.domain.admin.port.out.AdminSessionRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sessions in table {@code admin_session}, keyed by the digest of their token. The username is read from
 * {@code admin_user}, so a session always names its user as the user is named now; deleting the user deletes its
 * sessions (foreign key).
 */
public final class JdbiAdminSessionRepository implements AdminSessionRepository {
    private static final String SELECT = "SELECT s.token_digest, s.admin_user_id, u.username, s.csrf_token,"
            + " s.created_at, s.last_seen_at, s.expires_at FROM admin_session s JOIN admin_user u"
            + " ON u.id = s.admin_user_id";

    private final Database db;

    public JdbiAdminSessionRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(AdminSession session) {
        db.withHandle(h -> h.createUpdate("INSERT INTO admin_session (token_digest, admin_user_id, csrf_token,"
                        + " created_at, last_seen_at, expires_at) VALUES (:token_digest, :user, :csrf_token,"
                        + " :created_at, :last_seen_at, :expires_at)")
                .bind("token_digest", session.tokenDigest())
                .bind("user", session.user().toString())
                .bind("csrf_token", session.csrfToken())
                .bind("created_at", session.createdAt().toEpochMilli())
                .bind("last_seen_at", session.lastSeenAt().toEpochMilli())
                .bind("expires_at", session.expiresAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<AdminSession> findByTokenDigest(String tokenDigest) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE s.token_digest = :token_digest")
                .bind("token_digest", tokenDigest)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** A session deleted meanwhile (a logout in another tab) stays deleted: nothing to update is no failure. */
    @Override
    public void update(AdminSession session) {
        db.withHandle(h -> h.createUpdate("UPDATE admin_session SET last_seen_at = :last_seen_at,"
                        + " expires_at = :expires_at WHERE token_digest = :token_digest")
                .bind("last_seen_at", session.lastSeenAt().toEpochMilli())
                .bind("expires_at", session.expiresAt().toEpochMilli())
                .bind("token_digest", session.tokenDigest())
                .execute());
    }

    @Override
    public void delete(String tokenDigest) {
        db.withHandle(h -> h.createUpdate("DELETE FROM admin_session WHERE token_digest = :token_digest")
                .bind("token_digest", tokenDigest)
                .execute());
    }

    @Override
    public void deleteByUser(AdminUserId user, @Nullable String keep) {
        db.withHandle(h -> {
            if (keep == null) {
                return h.createUpdate("DELETE FROM admin_session WHERE admin_user_id = :user")
                        .bind("user", user.toString())
                        .execute();
            }
            return h.createUpdate("DELETE FROM admin_session WHERE admin_user_id = :user AND token_digest <> :keep")
                    .bind("user", user.toString())
                    .bind("keep", keep)
                    .execute();
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM admin_session WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }

    private static AdminSession map(ResultSet rs) throws SQLException {
        return new AdminSession(
                rs.getString("token_digest"),
                AdminUserId.parse(rs.getString("admin_user_id")),
                rs.getString("username"),
                rs.getString("csrf_token"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_seen_at"),
                Rows.instant(rs, "expires_at"));
    }
}
