package io.tvarr.persistence.source;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/** Channel source definitions in table {@code stream_source}. */
public final class JdbiStreamSourceRepository implements StreamSourceRepository {
    private static final String COLUMNS = "id, name, kind, url, username, password, user_agent, enabled, schedule,"
            + " max_concurrent_streams, xtream_output, include_vod, created_at, updated_at";

    private final Database db;

    public JdbiStreamSourceRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(StreamSource source) {
        db.withHandle(h -> bind(
                        h.createUpdate("INSERT INTO stream_source (" + COLUMNS + ") VALUES (:id, :name, :kind,"
                                + " :url, :username, :password, :user_agent, :enabled, :schedule, :max_concurrent_streams,"
                                + " :xtream_output, :include_vod, :created_at, :updated_at)"),
                        source)
                .execute());
    }

    @Override
    public void update(StreamSource source) {
        int rows = db.withHandle(h -> bind(
                        h.createUpdate("UPDATE stream_source SET name = :name, kind = :kind,"
                                + " url = :url, username = :username, password = :password, user_agent = :user_agent,"
                                + " enabled = :enabled, schedule = :schedule,"
                                + " max_concurrent_streams = :max_concurrent_streams, xtream_output = :xtream_output,"
                                + " include_vod = :include_vod, created_at = :created_at, updated_at = :updated_at"
                                + " WHERE id = :id"),
                        source)
                .execute());
        if (rows == 0) {
            throw new NotFoundException("stream source " + source.id() + ": not found");
        }
    }

    @Override
    public boolean delete(SourceId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM stream_source WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                > 0;
    }

    @Override
    public Optional<StreamSource> findById(SourceId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM stream_source WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<StreamSource> findAll() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM stream_source ORDER BY name, id")
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static Update bind(Update update, StreamSource s) {
        return update.bind("id", s.id().toString())
                .bind("name", s.name())
                .bind("kind", s.kind().name())
                .bind("url", s.url().toString())
                .bind(
                        "username",
                        s.credentials() == null ? null : s.credentials().username())
                .bind(
                        "password",
                        s.credentials() == null ? null : s.credentials().password())
                .bind("user_agent", s.userAgent())
                .bind("enabled", s.enabled())
                .bind("schedule", s.schedule())
                .bind("max_concurrent_streams", s.maxConcurrentStreams())
                .bind("xtream_output", s.xtreamOutput().name())
                .bind("include_vod", s.includeVod())
                .bind("created_at", s.createdAt().toEpochMilli())
                .bind("updated_at", s.updatedAt().toEpochMilli());
    }

    private static StreamSource map(ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        return new StreamSource(
                SourceId.parse(rs.getString("id")),
                rs.getString("name"),
                SourceKind.valueOf(rs.getString("kind")),
                URI.create(rs.getString("url")),
                username == null ? null : new Credentials(username, rs.getString("password")),
                rs.getString("user_agent"),
                rs.getBoolean("enabled"),
                rs.getString("schedule"),
                rs.getInt("max_concurrent_streams"),
                XtreamOutput.valueOf(rs.getString("xtream_output")),
                rs.getBoolean("include_vod"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
