package io.tvarr.persistence.epg;

import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.persistence.TestDatabase;
import io.tvarr.persistence.sql.Vendor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Programme blocks written through PostgreSQL's binary {@code COPY}, read back by plain SQL, and analysed after a big
 * replace.
 */
@DisplayName("Programme blocks on PostgreSQL at 127.0.0.1:5432: COPY and planner statistics")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresBlockCopyIT {
    private TestDatabase database;
    private String source;

    @BeforeAll
    void a_migrated_database_with_a_guide() {
        database = TestDatabase.postgres();
        database.persistence().migrate();
        EpgSource guide = anXmltvSource("guide");
        database.persistence().epgSources().insert(guide);
        source = guide.id().toString();
    }

    @AfterAll
    void drop() {
        database.close();
    }

    @Test
    void every_column_reads_back_as_written_a_block_larger_than_the_buffer_included() throws SQLException {
        byte[] large = new byte[200_000];
        Arrays.fill(large, (byte) 0xA5);
        large[0] = 2;
        List<ProgrammeBlock> blocks = List.of(
                new ProgrammeBlock("bbc1.uk", Long.MIN_VALUE, Long.MAX_VALUE, -1, 1, new byte[] {2, 0, (byte) 0xFF}),
                new ProgrammeBlock("東京 📺.jp", 1_700_000_000_000L, 1_700_086_400_000L, 1_700_001_800_000L, 48, large),
                new ProgrammeBlock("", 0, 1, 1, Integer.MAX_VALUE, new byte[0]));

        List<ProgrammeBlock> read;
        try (Connection connection = connect()) {
            new CopiedBlockInserts(
                            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI(), source)
                    .insert(blocks);
            read = read(connection);
            connection.rollback();
        }

        assertThat(read).hasSize(3);
        for (int i = 0; i < blocks.size(); i++) {
            ProgrammeBlock expected = blocks.get(i);
            assertThat(read.get(i))
                    .usingRecursiveComparison()
                    .ignoringFields("programmes")
                    .isEqualTo(expected);
            assertThat(read.get(i).programmes()).isEqualTo(expected.programmes());
        }
    }

    @Test
    void a_refused_row_fails_the_copy_and_the_connection_rolls_back_and_goes_on() throws SQLException {
        String tooLong = "c".repeat(256);
        try (Connection connection = connect()) {
            CopiedBlockInserts copy = new CopiedBlockInserts(
                    connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI(), source);

            assertThatThrownBy(() -> copy.insert(List.of(new ProgrammeBlock(tooLong, 0, 1, 1, 1, new byte[] {2}))))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("255");
            connection.rollback();
            copy.insert(List.of(new ProgrammeBlock("a", 0, 1, 1, 1, new byte[] {2})));

            assertThat(read(connection)).extracting(ProgrammeBlock::channel).containsExactly("a");
            connection.rollback();
        }
    }

    @Test
    void a_pooled_connection_is_unwrapped_to_copy() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        try (HikariDataSource pool = new HikariDataSource(config);
                Connection connection = pool.getConnection()) {
            assertThat(BlockInserts.of(Vendor.POSTGRESQL, connection, source)).isInstanceOf(CopiedBlockInserts.class);
            assertThat(BlockInserts.of(Vendor.MYSQL, connection, source)).isInstanceOf(BatchedBlockInserts.class);
        }
    }

    @Test
    void a_large_guide_leaves_the_planner_statistics_of_the_blocks_it_wrote() throws SQLException {
        EpgSource large = anXmltvSource("large");
        database.persistence().epgSources().insert(large);
        EpgSourceId guide = large.id();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        database.persistence()
                .epg()
                .replaceAllForSource(
                        guide,
                        sink -> IntStream.range(0, 1000)
                                .forEach(c -> sink.programme(aProgramme(guide, "c" + c, start, "Show"))));

        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM pg_stats WHERE tablename = '" + ProgrammeBlockWriter.TABLE + "'");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            // without them a now/next query right after a refresh was planned over the stop index (36-57 ms)
            assertThat(rs.getInt(1)).isPositive();
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(database.url());
        connection.setAutoCommit(false);
        return connection;
    }

    private List<ProgrammeBlock> read(Connection connection) throws SQLException {
        List<ProgrammeBlock> read = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT channel_id, start_at, stop_at, first_stop_at, programme_count, programmes FROM "
                        + ProgrammeBlockWriter.TABLE + " WHERE source_id = ? ORDER BY programme_count")) {
            select.setString(1, source);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    read.add(new ProgrammeBlock(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getInt(5),
                            rs.getBytes(6)));
                }
            }
        }
        return read;
    }
}
