package io.tvarr.persistence.epg;

import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.ProgrammeFlag;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * V26: programmes move from a row each ({@code epg_programme}) to blocks of a channel's day
 * ({@code epg_programme_block}, see {@link ProgrammeCodec}). A row per programme was most of the cost of storing a
 * big guide (#19). In Java because the stored programmes are converted, not dropped: the block encoding cannot be
 * written in SQL, and a user upgrading keeps the guide until its next refresh.
 */
public final class ProgrammeBlocksMigration implements JavaMigration {
    private static final String OLD_COLUMNS = "source_id, channel_id, start_at, stop_at, title, title_lang, sub_title,"
            + " description, categories, icon_url, episode_xmltv_ns, episode_onscreen, rating, flags, extra_xml";
    private static final int BATCH = 5000;

    private final Vendor vendor;

    public ProgrammeBlocksMigration(Vendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("26");
    }

    @Override
    public String getDescription() {
        return "programme blocks";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(createTable());
            ddl.execute("CREATE INDEX programme_block_by_channel ON " + ProgrammeBlockWriter.TABLE
                    + " (source_id, channel_id, start_at)");
            ddl.execute("CREATE INDEX programme_block_by_channel_any_source ON " + ProgrammeBlockWriter.TABLE
                    + " (channel_id, start_at)");
            ddl.execute("CREATE INDEX programme_block_by_stop ON " + ProgrammeBlockWriter.TABLE + " (stop_at)");
        }
        convert(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE epg_programme");
        }
    }

    private String createTable() {
        String blob = switch (vendor) {
            case SQLITE -> "BLOB";
            case POSTGRESQL -> "BYTEA";
            case MYSQL -> "LONGBLOB";
        };
        String table = vendor == Vendor.MYSQL ? " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin" : "";
        // start_at: the earliest start, stop_at: the latest stop, first_stop_at: the earliest stop (for retention)
        return "CREATE TABLE " + ProgrammeBlockWriter.TABLE + " ("
                + "source_id VARCHAR(36) NOT NULL REFERENCES epg_source (id) ON DELETE CASCADE,"
                + " channel_id VARCHAR(255) NOT NULL,"
                + " start_at BIGINT NOT NULL,"
                + " stop_at BIGINT NOT NULL,"
                + " first_stop_at BIGINT NOT NULL,"
                + " programme_count INTEGER NOT NULL,"
                + " programmes " + blob + " NOT NULL)" + table;
    }

    private void convert(Connection connection) throws SQLException {
        JsonColumns json = new JsonColumns();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + OLD_COLUMNS + " FROM epg_programme ORDER BY source_id, channel_id, start_at")) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                String source = "";
                ProgrammeBlockWriter writer = null;
                while (rs.next()) {
                    if (writer == null || !rs.getString(1).equals(source)) {
                        if (writer != null) {
                            writer.finish();
                        }
                        source = rs.getString(1);
                        // one row per statement: a COPY between the fetches of the open cursor is not relied on
                        writer = new ProgrammeBlockWriter(new BatchedBlockInserts(connection, source), source, BATCH);
                    }
                    writer.add(oldRow(rs, json));
                }
                if (writer != null) {
                    writer.finish();
                }
            }
        }
    }

    private static EpgProgramme oldRow(ResultSet rs, JsonColumns json) throws SQLException {
        return new EpgProgramme(
                EpgSourceId.parse(rs.getString(1)),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                json.stringList(rs.getString(9)),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                flags(rs.getString(14)),
                rs.getString(15));
    }

    private static Set<ProgrammeFlag> flags(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(ProgrammeFlag::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
