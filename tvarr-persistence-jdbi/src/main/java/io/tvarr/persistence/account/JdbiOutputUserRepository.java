package io.tvarr.persistence.account;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.account.port.out.OutputUserRepository;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Output users in table {@code output_user}; a proxy's deletion cascades to its users. */
public final class JdbiOutputUserRepository implements OutputUserRepository {
    private static final String COLUMNS =
            "id, proxy_id, username, password_hash, expires_at, max_connections, created_at";

    private final Database db;

    public JdbiOutputUserRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(OutputUser user) {
        db.inTransaction(h -> {
            // checked first for a message naming the username; the unique index still guards a race
            boolean taken = h.createQuery("SELECT COUNT(*) FROM output_user WHERE username = :username")
                            .bind("username", user.username())
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (taken) {
                throw new ConflictException("username: '" + user.username() + "' is already taken");
            }
            return h.createUpdate("INSERT INTO output_user (" + COLUMNS + ") VALUES (:id, :proxy_id, :username,"
                            + " :password_hash, :expires_at, :max_connections, :created_at)")
                    .bind("id", user.id().toString())
                    .bind("proxy_id", user.proxy().toString())
                    .bind("username", user.username())
                    .bind("password_hash", user.passwordHash())
                    .bind("expires_at", Rows.millis(user.expiresAt()))
                    .bind("max_connections", user.maxConnections())
                    .bind("created_at", user.createdAt().toEpochMilli())
                    .execute();
        });
    }

    @Override
    public Optional<OutputUser> findByUsername(String username) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM output_user WHERE username = :username")
                .bind("username", username)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<OutputUser> findByProxy(ProxyId proxy) {
        return db.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM output_user WHERE proxy_id = :proxy ORDER BY username")
                        .bind("proxy", proxy.toString())
                        .map((rs, ctx) -> map(rs))
                        .list());
    }

    @Override
    public boolean update(OutputUser user) {
        return db.withHandle(h -> h.createUpdate("UPDATE output_user SET password_hash = :password_hash,"
                                + " expires_at = :expires_at, max_connections = :max_connections"
                                + " WHERE id = :id AND proxy_id = :proxy")
                        .bind("password_hash", user.passwordHash())
                        .bind("expires_at", Rows.millis(user.expiresAt()))
                        .bind("max_connections", user.maxConnections())
                        .bind("id", user.id().toString())
                        .bind("proxy", user.proxy().toString())
                        .execute())
                > 0;
    }

    @Override
    public boolean delete(ProxyId proxy, OutputUserId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM output_user WHERE id = :id AND proxy_id = :proxy")
                        .bind("id", id.toString())
                        .bind("proxy", proxy.toString())
                        .execute())
                > 0;
    }

    private static OutputUser map(ResultSet rs) throws SQLException {
        return new OutputUser(
                OutputUserId.parse(rs.getString("id")),
                ProxyId.parse(rs.getString("proxy_id")),
                rs.getString("username"),
                rs.getString("password_hash"),
                Rows.nullableInstant(rs, "expires_at"),
                rs.getInt("max_connections"),
                Rows.instant(rs, "created_at"));
    }
}
