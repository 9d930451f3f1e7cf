package io.tvarr.persistence.epg;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.source.Credentials;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.DefinitionTable;
import io.tvarr.persistence.sql.Rows;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import org.jdbi.v3.core.statement.Update;

/** Guide source definitions in table {@code epg_source}. */
public final class JdbiEpgSourceRepository extends DefinitionTable<EpgSource, EpgSourceId>
        implements EpgSourceRepository {
    private static final String COLUMNS = "id, name, kind, url, username, password, user_agent, enabled, schedule,"
            + " time_shift_minutes, zone, retention_days_back, retention_days_ahead, created_at, updated_at";

    public JdbiEpgSourceRepository(Database db) {
        super(db, "epg_source", "epg source", COLUMNS);
    }

    @Override
    protected EpgSourceId idOf(EpgSource source) {
        return source.id();
    }

    @Override
    protected Update bind(Update update, EpgSource s) {
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
                .bind("time_shift_minutes", s.timeShiftMinutes())
                .bind("zone", s.zone().getId())
                .bind("retention_days_back", s.retention().daysBack())
                .bind("retention_days_ahead", s.retention().daysAhead())
                .bind("created_at", s.createdAt().toEpochMilli())
                .bind("updated_at", s.updatedAt().toEpochMilli());
    }

    @Override
    protected EpgSource map(ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        return new EpgSource(
                EpgSourceId.parse(rs.getString("id")),
                rs.getString("name"),
                EpgSourceKind.valueOf(rs.getString("kind")),
                URI.create(rs.getString("url")),
                username == null ? null : new Credentials(username, rs.getString("password")),
                rs.getString("user_agent"),
                rs.getBoolean("enabled"),
                rs.getString("schedule"),
                rs.getInt("time_shift_minutes"),
                ZoneId.of(rs.getString("zone")),
                new RetentionWindow(rs.getInt("retention_days_back"), rs.getInt("retention_days_ahead")),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
