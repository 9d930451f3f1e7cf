package io.tvarr.persistence.logo;

import io.tvarr.domain.Page;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.LogoQuery;
import io.tvarr.domain.logo.port.out.LogoAssetRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import io.tvarr.persistence.sql.Upserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Logo metadata in table {@code logo_asset}; URLs are looked up through their SHA-256 (URLs are too long to index). */
public final class JdbiLogoAssetRepository implements LogoAssetRepository {
    private static final List<String> COLUMNS = List.of(
            "sha256",
            "extension",
            "content_type",
            "size",
            "original_url",
            "original_url_hash",
            "etag",
            "last_modified",
            "fetched_at");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM logo_asset";

    private final Database db;
    private final String upsert;

    public JdbiLogoAssetRepository(Database db) {
        this.db = db;
        this.upsert = Upserts.upsert(db.vendor(), "logo_asset", List.of("sha256"), COLUMNS);
    }

    @Override
    public void upsert(LogoAsset asset) {
        db.withHandle(h -> h.createUpdate(upsert)
                .bind("sha256", asset.sha256())
                .bind("extension", asset.extension())
                .bind("content_type", asset.contentType())
                .bind("size", asset.size())
                .bind("original_url", asset.originalUrl())
                .bind("original_url_hash", urlHash(asset.originalUrl()))
                .bind("etag", asset.etag())
                .bind("last_modified", asset.lastModified())
                .bind("fetched_at", asset.fetchedAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<LogoAsset> findBySha256(String sha256) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE sha256 = :sha")
                .bind("sha", sha256)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public Optional<LogoAsset> findByOriginalUrl(String url) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE original_url_hash = :hash AND original_url = :url")
                .bind("hash", urlHash(url))
                .bind("url", url)
                .map((rs, ctx) -> map(rs))
                .findFirst());
    }

    @Override
    public void forEach(Consumer<LogoAsset> consumer) {
        db.stream(
                h -> h.createQuery(SELECT + " ORDER BY sha256")
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> map(rs)),
                consumer);
    }

    @Override
    public boolean delete(String sha256) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM logo_asset WHERE sha256 = :sha")
                        .bind("sha", sha256)
                        .execute())
                > 0;
    }

    @Override
    public Page<LogoAsset> findPage(LogoQuery query) {
        String where = query.text() == null ? "" : " WHERE LOWER(original_url) LIKE :text ESCAPE '!'";
        return db.withHandle(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM logo_asset" + where);
            var select =
                    h.createQuery(SELECT + where + " ORDER BY fetched_at DESC, sha256 LIMIT :limit OFFSET :offset");
            if (query.text() != null) {
                count.bind("text", UrlHashes.containing(query.text()));
                select.bind("text", UrlHashes.containing(query.text()));
            }
            long total = count.mapTo(Long.class).one();
            List<LogoAsset> items = select.bind("limit", query.size())
                    .bind("offset", query.offset())
                    .map((rs, ctx) -> map(rs))
                    .list();
            return new Page<>(items, query.page(), query.size(), total);
        });
    }

    private static LogoAsset map(ResultSet rs) throws SQLException {
        return new LogoAsset(
                rs.getString("sha256"),
                rs.getString("extension"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("original_url"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                Rows.instant(rs, "fetched_at"));
    }

    private static @Nullable String urlHash(@Nullable String url) {
        return url == null ? null : UrlHashes.of(url);
    }
}
