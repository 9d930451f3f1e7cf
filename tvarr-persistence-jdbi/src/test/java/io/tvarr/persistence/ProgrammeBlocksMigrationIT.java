package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.ProgrammeFlag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V26 turns programme rows into blocks. The conversion is the same Java for every database (only the table's DDL
 * differs, which the contract tests run on all three), so SQLite is enough to see it convert a guide stored by the
 * schema before it.
 */
class ProgrammeBlocksMigrationIT {
    @TempDir
    Path dir;

    @Test
    void migrating_keeps_every_stored_programme_with_its_fields() {
        String url = "jdbc:sqlite:" + dir.resolve("tvarr.db");
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                // the last schema before V26: later SQL migrations would otherwise run before the Java one
                .target("25")
                .load()
                .migrate();
        try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of(url))) {
            EpgSource guide = anXmltvSource("guide");
            store.epgSources().insert(guide);
            // rows as a tvarr before V26 wrote them, the second channel's out of start order
            store.database().withHandle(h -> {
                insertRow(h, guide, "b.uk", T0.plus(Duration.ofHours(1)), "Later", "[]", "", null);
                insertRow(h, guide, "a.uk", T0, "Früh", "[\"News\",\"Ñ\"]", "LIVE,NEW", "<credits/>");
                insertRow(h, guide, "b.uk", T0, "Earlier", "[]", "", null);
                return null;
            });

            store.migrate();

            List<EpgProgramme> read = new ArrayList<>();
            store.epg().forEachProgrammeBySource(guide.id(), Instant.EPOCH, T0.plus(Duration.ofDays(1)), read::add);
            assertThat(read)
                    .extracting(EpgProgramme::channelId, EpgProgramme::title)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a.uk", "Früh"),
                            org.assertj.core.groups.Tuple.tuple("b.uk", "Earlier"),
                            org.assertj.core.groups.Tuple.tuple("b.uk", "Later"));
            EpgProgramme first = read.get(0);
            assertThat(first.categories()).containsExactly("News", "Ñ");
            assertThat(first.flags()).isEqualTo(Set.of(ProgrammeFlag.LIVE, ProgrammeFlag.NEW));
            assertThat(first.extraXml()).isEqualTo("<credits/>");
            assertThat(first.stop()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
            assertThat(store.epg().countProgrammes(guide.id())).isEqualTo(3);
        }
    }

    private static void insertRow(
            org.jdbi.v3.core.Handle h,
            EpgSource guide,
            String channel,
            Instant start,
            String title,
            String categories,
            String flags,
            String extra) {
        h.execute(
                "INSERT INTO epg_programme (source_id, channel_id, start_at, stop_at, title, title_lang, sub_title,"
                        + " description, categories, icon_url, episode_xmltv_ns, episode_onscreen, rating, flags,"
                        + " extra_xml) VALUES (?, ?, ?, ?, ?, 'en', NULL, 'About', ?, NULL, NULL, NULL, NULL, ?, ?)",
                guide.id().toString(),
                channel,
                start.toEpochMilli(),
                start.plus(Duration.ofMinutes(30)).toEpochMilli(),
                title,
                categories,
                flags,
                extra);
    }
}
