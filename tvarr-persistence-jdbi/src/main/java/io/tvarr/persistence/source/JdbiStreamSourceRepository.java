package io.tvarr.persistence.source;

import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.DefinitionTable;
import io.tvarr.persistence.sql.Rows;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.Update;

/** Channel source definitions in table {@code stream_source}. */
public final class JdbiStreamSourceRepository extends DefinitionTable<StreamSource, SourceId>
        implements StreamSourceRepository {
    private static final String COLUMNS = "id, name, kind, url, username, password, user_agent, enabled, schedule,"
            + " max_concurrent_streams, xtream_output, include_vod, include_series, created_at, updated_at";

    public JdbiStreamSourceRepository(Database db) {
        super(db, "stream_source", "stream source", COLUMNS);
    }

    @Override
    protected SourceId idOf(StreamSource source) {
        return source.id();
    }

    @Override
    protected Update bind(Update update, StreamSource s) {
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
                .bind("include_series", s.includeSeries())
                .bind("created_at", s.createdAt().toEpochMilli())
                .bind("updated_at", s.updatedAt().toEpochMilli());
    }

    @Override
    protected StreamSource map(ResultSet rs) throws SQLException {
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
                rs.getBoolean("include_series"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
