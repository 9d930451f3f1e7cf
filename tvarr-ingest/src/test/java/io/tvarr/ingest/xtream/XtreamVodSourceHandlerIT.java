package io.tvarr.ingest.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.SharedCorpus;
import io.tvarr.domain.TestData;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.fetch.LocalHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Movies and series as VOD, each behind its own switch: items kept with the panel's element as sent, one
 * get_series_info per series in both episode layouts panels use, broken items and series skipped.
 */
class XtreamVodSourceHandlerIT {
    private final LocalHttp panel = new LocalHttp();
    private final Map<String, byte[]> answers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final XtreamVodSourceHandler handler =
            new XtreamVodSourceHandler(new HttpSourceFetcher(FetchSettings.defaults(List.of())));
    private final Collected collected = new Collected();
    private final ObjectMapper json = new ObjectMapper();

    XtreamVodSourceHandlerIT() {
        answer("get_vod_categories", "[{\"category_id\":\"108\",\"category_name\":\"Comedy\"}]");
        answer("get_vod_streams", """
                [{"num":1,"name":"Stand-ups","stream_type":"movie","stream_id":18253,"stream_icon":"https:\\/\\/i.imgur.com\\/a.jpg",
                  "rating":"6.8","rating_5based":3.4,"added":"1519215426","category_id":"108",
                  "container_extension":"mp4","custom_sid":null,"direct_source":""},
                 {"num":2,"name":"No id"},
                 {"num":3,"name":"Odd extension","stream_id":"18254","container_extension":"../x"},
                 42]""");
        answer("get_series_categories", "[{\"category_id\": \"7\", \"category_name\": \"Drama\"}]");
        answer("get_series", """
                [{"series_id": 10, "name": "The Show", "category_id": "7", "cover": "http://img/show.jpg",
                  "rating": "8", "rating_5based": 4},
                 {"series_id": "11", "name": "Other Show", "category_id": null},
                 {"series_id": "12", "name": "Broken"}]""");
        answer("get_series_info&series_id=10", """
                {"info": {"name": "The Show", "plot": "..."},
                 "seasons": [],
                 "episodes": {"1": [{"id": "1001", "episode_num": 1, "title": "Pilot", "container_extension": "mkv",
                                     "info": {"duration": "00:42:00"}},
                                    {"id": "1002", "episode_num": "2", "title": "Second"}],
                              "2": [{"id": "2001", "episode_num": 1, "title": "", "season": 2}]}}""");
        answer("get_series_info&series_id=11", """
                {"episodes": [[{"id": "3001", "episode_num": 5, "season": 1, "title": "Five"}], [{"title": "no id"}]]}""");
        panel.on("/player_api.php", ex -> {
            String query = ex.getRequestURI().getQuery();
            String action = query.contains("action=") ? query.replaceAll(".*action=", "") : "account";
            asked.add(action);
            byte[] body = answers.get(action);
            LocalHttp.send(ex, body == null ? 404 : 200, body == null ? new byte[0] : body);
        });
    }

    private void answer(String action, String body) {
        answers.put(action, body.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    private StreamSource source(boolean vod, boolean series) {
        StreamSource t = TestData.anXtreamSource("panel");
        return new StreamSource(
                t.id(),
                t.name(),
                t.kind(),
                panel.uri("/"),
                t.credentials(),
                null,
                true,
                null,
                0,
                t.xtreamOutput(),
                vod,
                series,
                t.createdAt(),
                t.updatedAt());
    }

    @Test
    void movies_keep_the_panel_element_with_its_value_types() throws IOException {
        StreamSource source = source(true, false);
        IngestionProgress progress = new IngestionProgress();

        Map<String, String> facts = handler.ingest(source, collected, progress);

        assertThat(collected.movies)
                .extracting(VodMovie::providerId, VodMovie::name, VodMovie::category, VodMovie::container)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("18253", "Stand-ups", "Comedy", "mp4"),
                        org.assertj.core.groups.Tuple.tuple("18254", "Odd extension", null, null));
        JsonNode element = json.readTree(collected.movies.get(0).panelJson());
        assertThat(element.get("rating").isTextual()).isTrue();
        assertThat(element.get("rating_5based").isNumber()).isTrue();
        assertThat(element.get("custom_sid").isNull()).isTrue();
        assertThat(element.get("stream_icon").asText()).isEqualTo("https://i.imgur.com/a.jpg");
        assertThat(facts).containsEntry("xtream_movies", "2");
        // the element without id and the one that is not an object
        assertThat(progress.skipped()).isEqualTo(2);
        assertThat(asked).doesNotContain("get_series");
    }

    @Test
    void series_and_their_episodes_in_both_layouts_and_a_broken_series_is_skipped() throws IOException {
        StreamSource source = source(false, true);
        IngestionProgress progress = new IngestionProgress();

        Map<String, String> facts = handler.ingest(source, collected, progress);

        assertThat(collected.series).extracting(VodSeries::name).containsExactly("The Show", "Other Show", "Broken");
        assertThat(collected.series.get(0).category()).isEqualTo("Drama");
        assertThat(json.readTree(collected.series.get(0).panelJson())
                        .get("rating_5based")
                        .isNumber())
                .isTrue();
        assertThat(collected.episodes)
                .extracting(VodEpisode::seriesId, VodEpisode::providerId, VodEpisode::season, VodEpisode::episode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10", "1001", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("10", "1002", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("10", "2001", 2, 1),
                        org.assertj.core.groups.Tuple.tuple("11", "3001", 1, 5));
        assertThat(collected.episodes.get(0).container()).isEqualTo("mkv");
        assertThat(json.readTree(collected.episodes.get(0).panelJson())
                        .at("/info/duration")
                        .asText())
                .isEqualTo("00:42:00");
        assertThat(facts).containsEntry("xtream_series", "3");
        // the episode without an id and the series whose info failed
        assertThat(progress.skipped()).isEqualTo(2);
        assertThat(asked).doesNotContain("get_vod_streams");
    }

    @Test
    void real_panels_movies_and_series_lists_read_whole() throws IOException {
        Path tnt =
                SharedCorpus.require("xtream/tellytv-go.xtream-codes/testData").resolve("tnt");
        for (String action : List.of("get_vod_categories", "get_vod_streams", "get_series_categories", "get_series")) {
            answers.put(action, Files.readAllBytes(tnt.resolve(action + ".json")));
        }
        IngestionProgress progress = new IngestionProgress();

        handler.ingest(source(true, true), collected, progress);

        assertThat(collected.movies)
                .hasSize(json.readTree(answers.get("get_vod_streams")).size());
        assertThat(collected.series)
                .hasSize(json.readTree(answers.get("get_series")).size());
        assertThat(collected.movies).allSatisfy(m -> assertThat(m.category()).isNotNull());
    }

    private static final class Collected implements VodSink {
        final List<VodMovie> movies = new ArrayList<>();
        final List<VodSeries> series = new ArrayList<>();
        final List<VodEpisode> episodes = new ArrayList<>();

        @Override
        public void movie(VodMovie movie) {
            movies.add(movie);
        }

        @Override
        public void series(VodSeries item) {
            series.add(item);
        }

        @Override
        public void episode(VodEpisode episode) {
            episodes.add(episode);
        }
    }
}
