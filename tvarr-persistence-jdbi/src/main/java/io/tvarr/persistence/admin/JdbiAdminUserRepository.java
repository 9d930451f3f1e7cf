package io.tvarr.persistence.admin;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.admin.AdminUser;
import io.tvarr.domain.admin.AdminUserId;
import io.tvarr.domain.admin.port.out.AdminUserRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import io.tvarr.persistence.sql.SqlFailures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/**
 * Admin users in table {@code admin_user}. Usernames are unique without case through {@code username_key}, the
 * lower-cased username; a user's deletion cascades to its sessions.
 */
public final class JdbiAdminUserRepository implements AdminUserRepository {
    private static final String COLUMNS = "id, username, password_hash, created_at, password_changed_at";
    private static final Comparator<AdminUser> BY_USERNAME =
            Comparator.comparing((AdminUser user) -> key(user.username())).thenComparing(AdminUser::username);

    private final Database db;

    public JdbiAdminUserRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(AdminUser user) {
        try {
            db.withHandle(h -> bind(
                            h.createUpdate("INSERT INTO admin_user (" + COLUMNS + ", username_key) VALUES (:id,"
                                    + " :username, :password_hash, :created_at, :password_changed_at, :username_key)"),
                            user)
                    .bind("created_at", user.createdAt().toEpochMilli())
                    .execute());
        } catch (StorageException e) {
            throw takenOr(e, user.username());
        }
    }

    @Override
    public Optional<AdminUser> findByUsername(String username) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM admin_user WHERE username_key = :key")
                .bind("key", key(username))
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public Optional<AdminUser> findById(AdminUserId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM admin_user WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public boolean update(AdminUser user) {
        try {
            return db.withHandle(h -> bind(
                                    h.createUpdate("UPDATE admin_user SET username = :username, username_key ="
                                            + " :username_key, password_hash = :password_hash, password_changed_at ="
                                            + " :password_changed_at WHERE id = :id"),
                                    user)
                            .execute())
                    > 0;
        } catch (StorageException e) {
            throw takenOr(e, user.username());
        }
    }

    @Override
    public boolean delete(AdminUserId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM admin_user WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                > 0;
    }

    /** Sorted here rather than by SQL so the order is the same under every database's collation. */
    @Override
    public List<AdminUser> findAll() {
        return db
                .withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM admin_user")
                        .map((rs, ctx) -> map(rs))
                        .list())
                .stream()
                .sorted(BY_USERNAME)
                .toList();
    }

    @Override
    public long count() {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_user")
                .mapTo(Long.class)
                .one());
    }

    /**
     * The unique index decides, so two concurrent inserts of one name cannot both win; a violation becomes a
     * conflict naming the username once the name is seen taken (the id's primary key is unique too).
     */
    private RuntimeException takenOr(StorageException failure, String username) {
        if (SqlFailures.isUniqueViolation(failure) && findByUsername(username).isPresent()) {
            return new ConflictException("username: '" + username + "' is taken", failure);
        }
        return failure;
    }

    private static Update bind(Update update, AdminUser user) {
        return update.bind("id", user.id().toString())
                .bind("username", user.username())
                .bind("username_key", key(user.username()))
                .bind("password_hash", user.passwordHash())
                .bind("password_changed_at", user.passwordChangedAt().toEpochMilli());
    }

    /** Usernames are ASCII (see {@link AdminUser}), so lower-casing is the same in every locale and database. */
    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static AdminUser map(ResultSet rs) throws SQLException {
        return new AdminUser(
                AdminUserId.parse(rs.getString("id")),
                rs.getString("username"),
                rs.getString("password_hash"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "password_changed_at"));
    }
}
