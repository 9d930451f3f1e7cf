package io.tvarr.persistence;

import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.sql.Vendor;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V31 counts each source's channels per group in a table of their own, filled from the channels stored before; on
 * SQLite it also drops the channel table's group index. Run on every database: each has its own script.
 */
class ChannelGroupMigrationIT {
    @TempDir
    Path dir;

    @Test
    void sqlite_counts_the_groups_stored_before_and_drops_the_group_index() {
        try (TestDatabase db = TestDatabase.sqlite(dir)) {
            migratesWithoutLoss(db, Vendor.SQLITE);
            List<String> indexes = db.persistence()
                    .database()
                    .withHandle(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'index'"
                                    + " AND tbl_name = 'channel' AND sql IS NOT NULL ORDER BY name")
                            .mapTo(String.class)
                            .list());
            assertThat(indexes).containsExactly("channel_by_source", "channel_id");
        }
    }

    @Test
    void postgresql_counts_the_groups_stored_before() {
        try (TestDatabase db = TestDatabase.postgres()) {
            migratesWithoutLoss(db, Vendor.POSTGRESQL);
        }
    }

    @Test
    void mariadb_counts_the_groups_stored_before() {
        try (TestDatabase db = TestDatabase.mariadb()) {
            migratesWithoutLoss(db, Vendor.MYSQL);
        }
    }

    private static void migratesWithoutLoss(TestDatabase db, Vendor vendor) {
        Flyway.configure()
                .dataSource(db.url(), null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder())
                .javaMigrations(JdbiPersistence.javaMigrations(vendor))
                // V30 is SQLite's alone
                .target(vendor == Vendor.SQLITE ? "30" : "29")
                .load()
                .migrate();
        JdbiPersistence store = db.persistence();
        StreamSource a = anM3uSource("a");
        StreamSource b = anM3uSource("b");
        store.streamSources().insert(a);
        store.streamSources().insert(b);
        // the rows as a tvarr of schema version 30 wrote them: no group counts beside them
        store.database().withHandle(h -> {
            insert(h, a, 0, "Sports");
            insert(h, a, 1, "News");
            insert(h, a, 2, "Sports");
            insert(h, a, 3, null);
            insert(h, b, 0, "Sports");
            return null;
        });

        store.migrate();

        assertThat(store.channels().groups(null))
                .containsExactly(new GroupCount("News", 1), new GroupCount("Sports", 3));
        assertThat(store.channels().groups(a.id()))
                .containsExactly(new GroupCount("News", 1), new GroupCount("Sports", 2));
        assertThat(store.channels()
                        .findPage(new ChannelQuery(null, "Sports", null, 0, 10))
                        .total())
                .isEqualTo(3);
        assertThat(store.channels().countBySource(a.id())).isEqualTo(4);
        store.streamSources().delete(a.id());
        assertThat(store.channels().groups(null)).containsExactly(new GroupCount("Sports", 1));
    }

    private static void insert(Handle h, StreamSource source, int position, @Nullable String group) {
        h.execute(
                "INSERT INTO channel (id, source_id, position, external_key, name, group_title, stream_url, attributes)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
                UUID.randomUUID().toString(),
                source.id().toString(),
                position,
                "m3u:|/" + position + ".ts",
                "Channel " + position,
                group,
                "http://provider.example/" + position + ".ts");
    }
}
