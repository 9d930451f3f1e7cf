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

/** The channel table's secondary indexes around a bulk load into the empty table (SQLite only). */
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

        assertThat(before).hasSize(2);
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

        List<Channel> read = new ArrayList<>();
        store.channels().forEachBySource(source.id(), read::add);
        assertThat(read).containsExactlyElementsOf(channels);
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
}
