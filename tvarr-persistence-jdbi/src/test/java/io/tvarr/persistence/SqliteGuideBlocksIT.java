package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anEpgChannel;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programme block table around a refresh of the only guide, which drops the table and makes it again with its
 * indexes instead of deleting the old blocks a row at a time (SQLite only).
 */
class SqliteGuideBlocksIT {
    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
    private static final String TABLE = "epg_programme_block";

    @TempDir
    Path dir;

    private JdbiPersistence store;
    private EpgSource guide;

    @BeforeEach
    void open() {
        store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")));
        store.migrate();
        guide = anXmltvSource("guide");
        store.epgSources().insert(guide);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_refresh_of_the_only_guide_frees_the_old_blocks_with_their_table_not_row_by_row() {
        store.epg()
                .replaceAllForSource(
                        guide.id(), sink -> programmes(guide, "bbc1.uk", 150).forEach(sink::programme));
        countDeletedRows();

        store.epg()
                .replaceAllForSource(
                        guide.id(), sink -> programmes(guide, "bbc1.uk", 40).forEach(sink::programme));

        assertThat(deletedRows()).isZero();
        assertThat(store.epg().countProgrammes(guide.id())).isEqualTo(40);
    }

    @Test
    void a_refresh_of_the_only_guide_leaves_the_same_table_and_indexes_and_its_new_programmes() {
        store.epg()
                .replaceAllForSource(
                        guide.id(), sink -> programmes(guide, "bbc1.uk", 60).forEach(sink::programme));
        List<String> before = schema();
        List<EpgProgramme> fresh = programmes(guide, "itv1.uk", 40);

        long stored = store.epg().replaceAllForSource(guide.id(), sink -> {
            sink.channel(anEpgChannel(guide.id(), "itv1.uk", "ITV1"));
            fresh.forEach(sink::programme);
        });

        assertThat(stored).isEqualTo(40);
        assertThat(schema()).isEqualTo(before);
        assertThat(integrity()).isEqualTo("ok");
        assertThat(stored(guide)).containsExactlyElementsOf(fresh);
        assertThat(store.epg().countProgrammes(guide.id())).isEqualTo(40);
    }

    @Test
    void a_failed_refresh_of_the_only_guide_leaves_its_programmes_and_the_table_as_they_were() {
        List<EpgProgramme> old = programmes(guide, "bbc1.uk", 60);
        store.epg().replaceAllForSource(guide.id(), sink -> old.forEach(sink::programme));
        List<String> before = schema();

        assertThatThrownBy(() -> store.epg().replaceAllForSource(guide.id(), sink -> {
                    programmes(guide, "bbc1.uk", 10).forEach(sink::programme);
                    throw new IllegalStateException("guide broke");
                }))
                .hasMessage("guide broke");

        assertThat(schema()).isEqualTo(before);
        assertThat(integrity()).isEqualTo("ok");
        assertThat(stored(guide)).containsExactlyElementsOf(old);
    }

    @Test
    void a_refresh_beside_another_guides_programmes_keeps_them() {
        EpgSource other = anXmltvSource("other");
        store.epgSources().insert(other);
        List<EpgProgramme> others = programmes(other, "bbc1.uk", 30);
        store.epg().replaceAllForSource(other.id(), sink -> others.forEach(sink::programme));
        store.epg()
                .replaceAllForSource(
                        guide.id(), sink -> programmes(guide, "bbc1.uk", 60).forEach(sink::programme));
        countDeletedRows();

        store.epg()
                .replaceAllForSource(
                        guide.id(), sink -> programmes(guide, "bbc1.uk", 20).forEach(sink::programme));

        assertThat(deletedRows()).isPositive();
        assertThat(stored(other)).containsExactlyElementsOf(others);
        assertThat(store.epg().countProgrammes(guide.id())).isEqualTo(20);
        assertThat(integrity()).isEqualTo("ok");
    }

    @Test
    void deleting_the_only_guide_after_a_refresh_still_deletes_its_programmes() {
        store.epg()
                .replaceAllForSource(
                        guide.id(), sink -> programmes(guide, "bbc1.uk", 60).forEach(sink::programme));
        store.epg()
                .replaceAllForSource(
                        guide.id(), sink -> programmes(guide, "bbc1.uk", 60).forEach(sink::programme));

        store.epgSources().delete(guide.id());

        assertThat(store.epg().countProgrammes(guide.id())).isZero();
    }

    private static List<EpgProgramme> programmes(EpgSource source, String channel, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> aProgramme(source.id(), channel, T0.plus(Duration.ofMinutes(30L * i)), "Show " + i))
                .toList();
    }

    private List<EpgProgramme> stored(EpgSource source) {
        List<EpgProgramme> read = new ArrayList<>();
        store.epg().forEachProgrammeBySource(source.id(), Instant.EPOCH, T0.plus(Duration.ofDays(3)), read::add);
        return read;
    }

    /** A trigger counts the blocks deleted a row at a time; dropping the table fires no trigger. */
    private void countDeletedRows() {
        store.database().withHandle(h -> {
            h.execute("CREATE TABLE deleted_blocks (n INTEGER)");
            h.execute("CREATE TRIGGER count_deleted_blocks AFTER DELETE ON " + TABLE
                    + " BEGIN INSERT INTO deleted_blocks VALUES (1); END");
            return null;
        });
    }

    private long deletedRows() {
        return store.database()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deleted_blocks")
                        .mapTo(Long.class)
                        .one());
    }

    private List<String> schema() {
        return store.database()
                .withHandle(
                        h -> h.createQuery("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master"
                                        + " WHERE tbl_name = '" + TABLE + "' ORDER BY type, name")
                                .mapTo(String.class)
                                .list());
    }

    private String integrity() {
        return store.database()
                .withHandle(h -> h.createQuery("PRAGMA integrity_check")
                        .mapTo(String.class)
                        .one());
    }
}
