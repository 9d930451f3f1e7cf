package io.tvarr.persistence.logo;

import io.tvarr.domain.Page;
import io.tvarr.domain.logo.LogoFailure;
import io.tvarr.domain.logo.LogoQuery;
import io.tvarr.domain.logo.port.out.LogoFailureRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Failed logo URLs in table {@code logo_failure}, keyed by the URL's SHA-256. */
public final class JdbiLogoFailureRepository implements LogoFailureRepository {
    private static final String SELECT =
            "SELECT url, reason, failures, first_failed_at, last_failed_at FROM logo_failure";
    /** Bind lists stay well under every driver's parameter limit. */
    private static final int CHUNK = 500;

    private final Database db;

    public JdbiLogoFailureRepository(Database db) {
        this.db = db;
    }

    @Override
    public void recordFailure(String url, String reason, Instant at) {
        String hash = UrlHashes.of(url);
        if (raise(hash, reason, at)) {
            return;
        }
        try {
            db.withHandle(h -> h.createUpdate("INSERT INTO logo_failure (url_hash, url, reason, failures,"
                            + " first_failed_at, last_failed_at) VALUES (:hash, :url, :reason, 1, :at, :at)")
                    .bind("hash", hash)
                    .bind("url", url)
                    .bind("reason", reason)
                    .bind("at", at.toEpochMilli())
                    .execute());
        } catch (JdbiException e) {
            // another generation recorded the same URL between our update and insert: count on its row
            if (!raise(hash, reason, at)) {
                throw e;
            }
        }
    }

    private boolean raise(String hash, String reason, Instant at) {
        return db.withHandle(h -> h.createUpdate("UPDATE logo_failure SET reason = :reason,"
                                + " failures = failures + 1, last_failed_at = :at WHERE url_hash = :hash")
                        .bind("hash", hash)
                        .bind("reason", reason)
                        .bind("at", at.toEpochMilli())
                        .execute())
                > 0;
    }

    @Override
    public void removeAll(Collection<String> urls) {
        if (urls.isEmpty()) {
            return;
        }
        db.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("DELETE FROM logo_failure WHERE url_hash = :hash");
            for (String url : urls) {
                batch.bind("hash", UrlHashes.of(url)).add();
            }
            return batch.execute();
        });
    }

    @Override
    public Set<String> urls() {
        Set<String> urls = new HashSet<>();
        db.stream(
                h -> h.createQuery("SELECT url FROM logo_failure")
                        .setFetchSize(db.fetchSize())
                        .mapTo(String.class),
                urls::add);
        return urls;
    }

    @Override
    public List<LogoFailure> findByUrls(Collection<String> urls) {
        List<String> hashes = urls.stream().distinct().map(UrlHashes::of).toList();
        List<LogoFailure> found = new ArrayList<>();
        db.withHandle(h -> {
            for (int from = 0; from < hashes.size(); from += CHUNK) {
                found.addAll(h.createQuery(SELECT + " WHERE url_hash IN (<hashes>)")
                        .bindList("hashes", hashes.subList(from, Math.min(hashes.size(), from + CHUNK)))
                        .map((rs, ctx) -> map(rs))
                        .list());
            }
            return null;
        });
        return found;
    }

    @Override
    public Page<LogoFailure> findPage(LogoQuery query) {
        String where = query.text() == null ? "" : " WHERE LOWER(url) LIKE :text ESCAPE '!'";
        return db.withHandle(h -> {
            long total = bindText(h, "SELECT COUNT(*) FROM logo_failure" + where, query)
                    .mapTo(Long.class)
                    .one();
            List<LogoFailure> items = bindText(
                            h,
                            SELECT + where + " ORDER BY last_failed_at DESC, url_hash LIMIT :limit OFFSET :offset",
                            query)
                    .bind("limit", query.size())
                    .bind("offset", query.offset())
                    .map((rs, ctx) -> map(rs))
                    .list();
            return new Page<>(items, query.page(), query.size(), total);
        });
    }

    private static org.jdbi.v3.core.statement.Query bindText(Handle h, String sql, LogoQuery query) {
        var statement = h.createQuery(sql);
        if (query.text() != null) {
            statement.bind("text", UrlHashes.containing(query.text()));
        }
        return statement;
    }

    @Override
    public long count() {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM logo_failure")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public int deleteAll() {
        return db.withHandle(h -> h.createUpdate("DELETE FROM logo_failure").execute());
    }

    private static LogoFailure map(ResultSet rs) throws SQLException {
        return new LogoFailure(
                rs.getString("url"),
                rs.getString("reason"),
                rs.getInt("failures"),
                Rows.instant(rs, "first_failed_at"),
                Rows.instant(rs, "last_failed_at"));
    }
}
