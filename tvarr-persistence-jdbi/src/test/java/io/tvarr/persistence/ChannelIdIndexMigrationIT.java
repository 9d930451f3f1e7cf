package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.sql.Vendor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V30 (SQLite only) moves the channel id from the table's primary key to a unique index: the channels stored before
 * read back unchanged, in order, found by id, and still go with their source.
 */
class ChannelIdIndexMigrationIT {
    @TempDir
    Path dir;

    @Test
    void migrating_keeps_every_channel_and_makes_the_id_a_unique_index() {
        String url = "jdbc:sqlite:" + dir.resolve("tvarr.db");
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .javaMigrations(JdbiPersistence.javaMigrations(Vendor.SQLITE))
                .target("29")
                .load()
                .migrate();
        try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of(url))) {
            StreamSource source = anM3uSource("provider");
            StreamSource other = anM3uSource("other");
            store.streamSources().insert(source);
            store.streamSources().insert(other);
            List<Channel> channels = channels(source, 25);
            // the rows as a tvarr of schema version 29 wrote them (today's replace also counts groups, V31)
            store.database().withHandle(h -> {
                insert(h, channels);
                insert(h, channels(other, 5));
                return null;
            });

            store.migrate();

            List<Channel> read = new ArrayList<>();
            store.channels().forEachBySource(source.id(), read::add);
            assertThat(read).containsExactlyElementsOf(channels);
            assertThat(store.channels().findById(channels.get(7).id())).contains(channels.get(7));
            List<String> indexes = store.database()
                    .withHandle(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'index'"
                                    + " AND tbl_name = 'channel' ORDER BY name")
                            .mapTo(String.class)
                            .list());
            // V31 drops channel_by_group (ChannelGroupMigrationIT)
            assertThat(indexes).containsExactly("channel_by_source", "channel_id");
            store.streamSources().delete(other.id());
            assertThat(store.channels().countBySource(other.id())).isZero();
            assertThat(store.channels().countBySource(source.id())).isEqualTo(25);
        }
    }

    private static void insert(Handle h, List<Channel> channels) {
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            h.execute(
                    "INSERT INTO channel (id, source_id, position, external_key, tvg_id, tvg_name, tvg_chno, name,"
                            + " group_title, logo_url, stream_url, attributes)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{\"catchup\":\"default\"}')",
                    c.id().toString(),
                    c.sourceId().toString(),
                    i,
                    c.externalKey(),
                    c.tvgId(),
                    c.tvgName(),
                    c.tvgChno(),
                    c.name(),
                    c.group(),
                    c.logoUrl(),
                    c.streamUrl());
        }
    }

    private static List<Channel> channels(StreamSource source, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> aChannel()
                        .from(source.id())
                        .withKey("m3u:|/" + i + ".ts")
                        .named("Channel " + i)
                        .inGroup(i % 2 == 0 ? "Sports" : "News")
                        .withAttribute("catchup", "default")
                        .build())
                .toList();
    }
}
