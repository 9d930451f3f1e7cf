package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.persistence.sql.Vendor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Start-up skips Flyway only when a database's history holds exactly the migrations of this build (#19), and a new
 * SQLite database starts as the build's migrated template.
 */
class SchemaFastPathIT {
    @TempDir
    Path dir;

    private final ClassLoader loader = getClass().getClassLoader();

    private SQLiteDataSource sqlite(String name) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve(name));
        return source;
    }

    private static Flyway flyway(SQLiteDataSource source, String target) {
        return Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .javaMigrations(JdbiPersistence.javaMigrations(Vendor.SQLITE))
                .target(target)
                .load();
    }

    private BundledSchema bundled() {
        return BundledSchema.of(Vendor.SQLITE, loader, JdbiPersistence.javaMigrationVersions(Vendor.SQLITE))
                .orElseThrow();
    }

    private static void execute(SQLiteDataSource source, String sql) throws Exception {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** Every row of the history, installation times included: equal only for a copy of the same database. */
    private static List<String> history(SQLiteDataSource source) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT version, checksum, installed_on FROM flyway_schema_history ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3));
            }
        }
        return rows;
    }

    private SQLiteDataSource template() throws Exception {
        Path copy = dir.resolve("template.db");
        try (InputStream template = loader.getResourceAsStream(SqliteTemplate.RESOURCE)) {
            assertThat(template).as(SqliteTemplate.RESOURCE).isNotNull();
            Files.copy(template, copy);
        }
        return sqlite("template.db");
    }

    @Nested
    class Current {
        @Test
        void a_database_flyway_migrated_is_found_current_checksums_and_all() {
            SQLiteDataSource source = sqlite("flyway.db");
            flyway(source, "latest").migrate();

            assertThat(bundled().isAppliedIn(source)).isTrue();
        }

        @Test
        void a_database_one_migration_behind_is_not() {
            SQLiteDataSource older = sqlite("older.db");
            // V20 exists and is older than V23, the newest when this was written
            flyway(older, "20").migrate();

            assertThat(bundled().isAppliedIn(older)).isFalse();
        }

        @Test
        void a_migration_changed_since_it_was_applied_is_left_to_flyway() throws Exception {
            SQLiteDataSource source = sqlite("changed.db");
            flyway(source, "latest").migrate();
            execute(source, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

            assertThat(bundled().isAppliedIn(source)).isFalse();
        }

        @Test
        void a_failed_migration_is_left_to_flyway() throws Exception {
            SQLiteDataSource source = sqlite("failed.db");
            flyway(source, "latest").migrate();
            execute(source, "UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");

            assertThat(bundled().isAppliedIn(source)).isFalse();
        }

        @Test
        void a_database_without_history_is_not() {
            assertThat(bundled().isAppliedIn(sqlite("empty.db"))).isFalse();
        }

        @Test
        void the_newest_version_is_the_highest_listed() {
            assertThat(Integer.parseInt(bundled().latestVersion())).isGreaterThanOrEqualTo(23);
        }
    }

    @Nested
    class New_sqlite_database {
        @Test
        void starts_as_the_migrated_template_and_needs_no_migration() {
            Path file = dir.resolve("data/tvarr.db");
            try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
                store.migrate();

                assertThat(bundled().isAppliedIn(sqlite("data/tvarr.db"))).isTrue();
                assertThat(store.readiness().ready()).isTrue();
                assertThat(store.filters().findAll()).isNotEmpty();
            }
        }

        /**
         * The pool used to open its connections in the background as soon as it was made, creating the file before
         * {@code migrate()} looked for it; the template was then skipped and Flyway ran every migration (#19).
         */
        @Test
        void is_the_template_even_when_migrate_comes_after_the_pool_had_time_to_connect() throws Exception {
            Path file = dir.resolve("late/tvarr.db");
            try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
                // the pool's filler creates the file within milliseconds when it connects on its own
                for (int i = 0; i < 100 && !Files.exists(file); i++) {
                    Thread.sleep(10);
                }
                assertThat(file).doesNotExist();

                store.migrate();

                assertThat(history(sqlite("late/tvarr.db"))).isEqualTo(history(template()));
            }
        }

        @Test
        void an_existing_file_is_never_replaced() throws Exception {
            SQLiteDataSource source = sqlite("old.db");
            flyway(source, "9").migrate();
            long before = Files.size(dir.resolve("old.db"));

            try (JdbiPersistence store =
                    JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("old.db")))) {
                assertThat(bundled().isAppliedIn(source)).isFalse();
                assertThat(Files.size(dir.resolve("old.db"))).isEqualTo(before);

                store.migrate();

                assertThat(bundled().isAppliedIn(source)).isTrue();
            }
        }
    }
}
