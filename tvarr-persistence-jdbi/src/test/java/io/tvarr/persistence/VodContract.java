package io.tvarr.persistence;

import static io.tvarr.domain.TestData.anXtreamSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.port.out.VodRepository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How every database stores the movies, series and episodes of Xtream sources. Subclasses only supply the database;
 * apart from {@link PersistenceContract} so the tables have their own fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VodContract {
    private static final String PANEL_JSON = "{\"rating\":\"6.8\",\"rating_5based\":3.4,\"custom_sid\":null}";

    private TestDatabase database;
    private JdbiPersistence store;
    private VodRepository vod;
    private StreamSource panel;
    private StreamSource other;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        vod = store.vod();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void two_sources() {
        store.database().withHandle(h -> {
            List.of("vod_episode", "vod_series", "vod_movie", "stream_source")
                    .forEach(t -> h.execute("DELETE FROM " + t));
            return null;
        });
        panel = anXtreamSource("panel");
        other = anXtreamSource("other");
        store.streamSources().insert(panel);
        store.streamSources().insert(other);
    }

    private VodMovie movie(StreamSource source, String id, String name) {
        return new VodMovie(source.id(), id, name, "Comedy", "http://img/" + id + ".jpg", "mkv", PANEL_JSON);
    }

    private VodSeries series(StreamSource source, String id, String name) {
        return new VodSeries(source.id(), id, name, null, null, "{\"name\":\"" + name + "\"}");
    }

    private VodEpisode episode(String series, String id, int season, Integer number) {
        return new VodEpisode(
                panel.id(), series, id, season, number, "Episode " + id, "mp4", "{\"id\":\"" + id + "\"}");
    }

    private List<VodMovie> movies(StreamSource source) {
        List<VodMovie> movies = new ArrayList<>();
        vod.forEachMovie(source.id(), movies::add);
        return movies;
    }

    @Test
    void stores_movies_and_series_in_the_order_given_with_every_field() {
        VodMovie second = movie(panel, "18254", "Zulu");
        VodMovie first = movie(panel, "18253", "Adam Hills");
        VodSeries show = series(panel, "2", "Ash Vs Evil Dead");

        long written = vod.replaceAllForSource(panel.id(), sink -> {
            sink.movie(second);
            sink.series(show);
            sink.movie(first);
        });

        assertThat(written).isEqualTo(3);
        assertThat(movies(panel)).containsExactly(second, first);
        List<VodSeries> series = new ArrayList<>();
        vod.forEachSeries(panel.id(), series::add);
        assertThat(series).containsExactly(show);
        assertThat(vod.count(panel.id())).isEqualTo(3);
    }

    @Test
    void lists_a_series_episodes_by_season_then_number_with_unnumbered_ones_last() {
        VodEpisode s2e1 = episode("2", "2001", 2, 1);
        VodEpisode s1unnumbered = episode("2", "1009", 1, null);
        VodEpisode s1e2 = episode("2", "1002", 1, 2);
        VodEpisode s1e1 = episode("2", "1001", 1, 1);
        VodEpisode elsewhere = episode("3", "3001", 1, 1);
        vod.replaceAllForSource(
                panel.id(),
                sink -> List.of(s2e1, s1unnumbered, s1e2, elsewhere, s1e1).forEach(sink::episode));

        List<VodEpisode> episodes = new ArrayList<>();
        vod.forEachEpisode(panel.id(), "2", episodes::add);

        assertThat(episodes).containsExactly(s1e1, s1e2, s1unnumbered, s2e1);
    }

    @Test
    void lists_every_episode_of_a_source_series_by_series() {
        VodEpisode a2 = episode("2", "2002", 1, 2);
        VodEpisode b1 = episode("3", "3001", 1, 1);
        VodEpisode a1 = episode("2", "2001", 1, 1);
        vod.replaceAllForSource(panel.id(), sink -> List.of(a2, b1, a1).forEach(sink::episode));

        List<VodEpisode> episodes = new ArrayList<>();
        vod.forEachEpisode(panel.id(), episodes::add);

        assertThat(episodes).containsExactly(a1, a2, b1);
    }

    @Test
    void finds_one_movie_or_episode_by_the_panel_id_within_its_source() {
        VodMovie film = movie(panel, "18253", "Adam Hills");
        VodEpisode pilot = episode("2", "1001", 1, 1);
        vod.replaceAllForSource(panel.id(), sink -> {
            sink.movie(film);
            sink.episode(pilot);
        });

        assertThat(vod.findMovie(panel.id(), "18253")).contains(film);
        assertThat(vod.findMovie(other.id(), "18253")).isEmpty();
        assertThat(vod.findEpisode(panel.id(), "1001")).contains(pilot);
        assertThat(vod.findEpisode(panel.id(), "18253")).isEmpty();
    }

    @Test
    void a_replace_drops_what_the_source_no_longer_offers_and_leaves_other_sources_alone() {
        vod.replaceAllForSource(panel.id(), sink -> {
            sink.movie(movie(panel, "1", "Old"));
            sink.episode(episode("2", "1001", 1, 1));
        });
        vod.replaceAllForSource(other.id(), sink -> sink.movie(movie(other, "1", "Theirs")));

        vod.replaceAllForSource(panel.id(), sink -> sink.movie(movie(panel, "2", "New")));

        assertThat(movies(panel)).extracting(VodMovie::name).containsExactly("New");
        assertThat(vod.findEpisode(panel.id(), "1001")).isEmpty();
        assertThat(movies(other)).extracting(VodMovie::name).containsExactly("Theirs");
    }

    @Test
    void an_id_given_twice_keeps_the_last() {
        vod.replaceAllForSource(panel.id(), sink -> {
            sink.movie(movie(panel, "1", "First"));
            sink.movie(movie(panel, "1", "Again"));
        });

        assertThat(movies(panel)).extracting(VodMovie::name).containsExactly("Again");
    }

    @Test
    void a_writer_that_fails_leaves_the_stored_items() {
        vod.replaceAllForSource(panel.id(), sink -> sink.movie(movie(panel, "1", "Kept")));

        assertThatThrownBy(() -> vod.replaceAllForSource(panel.id(), sink -> {
                    sink.movie(movie(panel, "2", "Half"));
                    throw new IllegalStateException("panel went away");
                }))
                .hasMessage("panel went away");

        assertThat(movies(panel)).extracting(VodMovie::name).containsExactly("Kept");
    }

    @Test
    void refuses_an_item_of_another_source() {
        assertThatThrownBy(() -> vod.replaceAllForSource(panel.id(), sink -> sink.movie(movie(other, "1", "X"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("movie 1: belongs to source " + other.id());
    }

    @Test
    void deleting_the_source_deletes_its_items() {
        vod.replaceAllForSource(panel.id(), sink -> {
            sink.movie(movie(panel, "1", "Film"));
            sink.series(series(panel, "2", "Show"));
            sink.episode(episode("2", "1001", 1, 1));
        });

        store.streamSources().delete(panel.id());

        assertThat(vod.count(panel.id())).isZero();
    }
}
