package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.source.StreamSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel table around a bulk load into the empty table, and around a refresh of the only source, which drops
 * the table and makes it again (SQLite only).
 */
class SqliteChannelIndexesIT {
    @TempDir
    Path dir;

    private JdbiPersistence store;
    private StreamSource source;

    @BeforeEach
    void open() {
        store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")));
        store.migrate();
        source = anM3uSource("a");
        store.streamSources().insert(source);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_load_into_the_empty_table_leaves_the_same_indexes() {
        List<String> before = indexes();

        store.channels().replaceAllForSource(source.id(), sink -> channels(30).forEach(sink::accept));

        assertThat(before)
                .containsExactly(
                        "channel_by_source: CREATE INDEX channel_by_source ON channel (source_id, position)",
                        "channel_id: CREATE UNIQUE INDEX channel_id ON channel (id)");
        assertThat(indexes()).isEqualTo(before);
        String integrity = store.database()
                .withHandle(h -> h.createQuery("PRAGMA integrity_check")
                        .mapTo(String.class)
                        .one());
        assertThat(integrity).isEqualTo("ok");
    }

    @Test
    void a_failed_load_into_the_empty_table_leaves_the_indexes_as_they_were() {
        List<String> before = indexes();

        assertThatThrownBy(() -> store.channels().replaceAllForSource(source.id(), sink -> {
                    channels(30).forEach(sink::accept);
                    throw new IllegalStateException("download broke");
                }))
                .hasMessage("download broke");

        assertThat(indexes()).isEqualTo(before);
    }

    @Test
    void channels_loaded_into_the_empty_table_read_back_in_order() {
        List<Channel> channels = channels(30);

        store.channels().replaceAllForSource(source.id(), sink -> channels.forEach(sink::accept));

        assertThat(stored()).containsExactlyElementsOf(channels);
    }

    @Test
    void a_refresh_of_the_only_source_leaves_the_same_table_and_indexes() {
        store.channels().replaceAllForSource(source.id(), sink -> channels(30).forEach(sink::accept));
        List<String> before = schema();
        List<Channel> fresh = channels(40).subList(5, 40);

        store.channels().replaceAllForSource(source.id(), sink -> fresh.forEach(sink::accept));

        assertThat(schema()).isEqualTo(before);
        assertThat(integrity()).isEqualTo("ok");
        assertThat(stored()).containsExactlyElementsOf(fresh);
    }

    @Test
    void a_failed_refresh_of_the_only_source_leaves_its_channels_and_the_table_as_they_were() {
        List<Channel> old = channels(30);
        store.channels().replaceAllForSource(source.id(), sink -> old.forEach(sink::accept));
        List<String> before = schema();

        assertThatThrownBy(() -> store.channels().replaceAllForSource(source.id(), sink -> {
                    channels(10).forEach(sink::accept);
                    throw new IllegalStateException("download broke");
                }))
                .hasMessage("download broke");

        assertThat(schema()).isEqualTo(before);
        assertThat(stored()).containsExactlyElementsOf(old);
    }

    @Test
    void a_channel_repeated_in_a_load_into_the_empty_table_overwrites_the_earlier_one_and_leaves_the_indexes() {
        List<String> before = indexes();
        List<Channel> channels = channels(30);
        Channel again = aChannel()
                .from(source.id())
                .withKey("key-3")
                .named("Channel 3 again")
                .build();

        store.channels().replaceAllForSource(source.id(), sink -> {
            channels.subList(0, 10).forEach(sink::accept);
            sink.accept(again);
            channels.subList(10, 30).forEach(sink::accept);
        });

        assertThat(indexes()).isEqualTo(before);
        assertThat(integrity()).isEqualTo("ok");
        List<Channel> read = new ArrayList<>();
        store.channels().forEachBySource(source.id(), read::add);
        List<Channel> expected = new ArrayList<>(channels.subList(0, 10));
        expected.remove(3);
        expected.add(again);
        expected.addAll(channels.subList(10, 30));
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void a_refresh_beside_another_sources_channels_keeps_them() {
        StreamSource other = anM3uSource("b");
        store.streamSources().insert(other);
        List<Channel> others = IntStream.range(0, 20)
                .mapToObj(i -> aChannel().from(other.id()).withKey("other-" + i).build())
                .toList();
        store.channels().replaceAllForSource(other.id(), sink -> others.forEach(sink::accept));
        store.channels().replaceAllForSource(source.id(), sink -> channels(30).forEach(sink::accept));

        store.channels().replaceAllForSource(source.id(), sink -> channels(10).forEach(sink::accept));

        List<Channel> read = new ArrayList<>();
        store.channels().forEachBySource(other.id(), read::add);
        assertThat(read).containsExactlyElementsOf(others);
        assertThat(store.channels().countBySource(source.id())).isEqualTo(10);
        assertThat(integrity()).isEqualTo("ok");
    }

    @Test
    void deleting_the_only_source_after_a_refresh_still_deletes_its_channels() {
        store.channels().replaceAllForSource(source.id(), sink -> channels(30).forEach(sink::accept));
        store.channels().replaceAllForSource(source.id(), sink -> channels(30).forEach(sink::accept));

        store.streamSources().delete(source.id());

        assertThat(store.channels().countBySource(source.id())).isZero();
    }

    private List<String> schema() {
        return store.database()
                .withHandle(
                        h -> h.createQuery("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master"
                                        + " WHERE tbl_name = 'channel' ORDER BY type, name")
                                .mapTo(String.class)
                                .list());
    }

    private String integrity() {
        return store.database()
                .withHandle(h -> h.createQuery("PRAGMA integrity_check")
                        .mapTo(String.class)
                        .one());
    }

    private List<String> indexes() {
        return store.database()
                .withHandle(h -> h.createQuery("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index'"
                                + " AND tbl_name = 'channel' AND sql IS NOT NULL ORDER BY name")
                        .mapTo(String.class)
                        .list());
    }

    private List<Channel> channels(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> aChannel()
                        .from(source.id())
                        .withKey("key-" + i)
                        .named("Channel " + i)
                        .inGroup(i % 2 == 0 ? "Sports" : "News")
                        .build())
                .toList();
    }

    /** The source's channels as the store reads them back, in order. */
    private List<Channel> stored() {
        List<Channel> read = new ArrayList<>();
        store.channels().forEachBySource(source.id(), read::add);
        return read;
    }
}
