package io.tvarr.persistence.admin;

import io.tvarr.domain.admin.ApiKey;
import io.tvarr.domain.admin.ApiKeyId;
import io.tvarr.domain.admin.ApiScope;
import io.tvarr.domain.admin.port.out.ApiKeyRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys in table {@code api_key}, with the digest of their secret; the scope is stored by its constant's name. */
public final class JdbiApiKeyRepository implements ApiKeyRepository {
    private static final String COLUMNS = "id, name, scope, secret_digest, created_by, created_at, last_used_at";

    private final Database db;

    public JdbiApiKeyRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(ApiKey key) {
        db.withHandle(h -> h.createUpdate("INSERT INTO api_key (" + COLUMNS + ") VALUES (:id, :name, :scope,"
                        + " :secret_digest, :created_by, :created_at, :last_used_at)")
                .bind("id", key.id().toString())
                .bind("name", key.name())
                .bind("scope", key.scope().name())
                .bind("secret_digest", key.secretDigest())
                .bind("created_by", key.createdBy())
                .bind("created_at", key.createdAt().toEpochMilli())
                .bind("last_used_at", Rows.millis(key.lastUsedAt()))
                .execute());
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_key WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<ApiKey> findAll() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id")
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** A key deleted while a request it signed was in flight stays deleted: nothing to mark is no failure. */
    @Override
    public void markUsed(ApiKeyId id, Instant at) {
        db.withHandle(h -> h.createUpdate("UPDATE api_key SET last_used_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli())
                .bind("id", id.toString())
                .execute());
    }

    @Override
    public boolean delete(ApiKeyId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM api_key WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                > 0;
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(
                ApiKeyId.parse(rs.getString("id")),
                rs.getString("name"),
                ApiScope.valueOf(rs.getString("scope")),
                rs.getString("secret_digest"),
                rs.getString("created_by"),
                Rows.instant(rs, "created_at"),
                Rows.nullableInstant(rs, "last_used_at"));
    }
}
