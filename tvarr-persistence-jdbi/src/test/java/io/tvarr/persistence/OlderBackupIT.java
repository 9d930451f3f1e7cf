package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.backup.service.StoreBackup;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.backup.JdbcStoreSnapshots;
import io.tvarr.persistence.logo.FileLogoStore;
import io.tvarr.persistence.sql.Vendor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** An archive an older tvarr wrote (an older schema) restores, and its rows are migrated as an upgrade would. */
class OlderBackupIT {
    @TempDir
    Path dir;

    @Test
    void an_archive_of_an_older_schema_is_loaded_into_that_schema_and_migrated() throws Exception {
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + dir.resolve("old.db"));
        Flyway atNine = Flyway.configure()
                .dataSource(old)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target("9")
                .load();
        atNine.migrate();
        try (Connection connection = old.getConnection();
                Statement insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO stream_source (id, name, kind, url, enabled, max_concurrent_streams,"
                    + " xtream_output, include_vod, created_at, updated_at) VALUES ('00000000-0000-0000-0000-000000000001',"
                    + " 'from v9', 'M3U', 'http://provider.test/a.m3u', 1, 2, 'TS', 0, 1, 2)");
        }
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        new StoreBackup(
                        new JdbcStoreSnapshots(old, Vendor.SQLITE, atNine),
                        new FileLogoStore(dir.resolve("logos")),
                        Clock.systemUTC(),
                        "older")
                .backUp(archive);

        try (TestDatabase database = TestDatabase.sqlite(dir.resolve("current"))) {
            JdbiPersistence current = database.persistence();
            current.migrate();
            var summary = new StoreBackup(
                            current.snapshots(), new FileLogoStore(dir.resolve("logos2")), Clock.systemUTC(), "now")
                    .restore(new ByteArrayInputStream(archive.toByteArray()));

            assertThat(summary.manifest().schema().value()).isEqualTo("9");
            List<StreamSource> sources = current.streamSources().findAll();
            assertThat(sources).extracting(StreamSource::name).containsExactly("from v9");
            assertThat(current.readiness().ready()).isTrue();
            assertThat(current.snapshots().schemaVersion())
                    .isEqualTo(database.persistence().snapshots().schemaVersion());
        }
    }
}
