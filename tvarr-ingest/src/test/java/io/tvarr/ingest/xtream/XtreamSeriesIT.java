package io.tvarr.ingest.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.TestData;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.fetch.LocalHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Series episodes behind the VOD switch: one get_series_info per series, both episode layouts panels use. */
class XtreamSeriesIT {
    private final LocalHttp panel = new LocalHttp();
    private final Map<String, String> answers = new HashMap<>();
    private final XtreamChannelSourceHandler handler =
            new XtreamChannelSourceHandler(new HttpSourceFetcher(FetchSettings.defaults(List.of())));

    XtreamSeriesIT() throws IOException {
        try (InputStream account = getClass().getResourceAsStream("/xtream/account.json")) {
            answers.put("account", new String(account.readAllBytes(), StandardCharsets.UTF_8));
        }
        answers.put("get_live_categories", "[]");
        answers.put("get_live_streams", "[]");
        answers.put("get_vod_categories", "[]");
        answers.put("get_vod_streams", "[]");
        answers.put("get_series_categories", "[{\"category_id\": \"7\", \"category_name\": \"Drama\"}]");
        answers.put("get_series", """
                [{"series_id": 10, "name": "The Show", "category_id": "7", "cover": "http://img/show.jpg"},
                 {"series_id": "11", "name": "Other Show", "category_id": null},
                 {"series_id": "12", "name": "Broken"}]""");
        answers.put("get_series_info&series_id=10", """
                {"info": {"name": "The Show", "plot": "..."},
                 "seasons": [],
                 "episodes": {"1": [{"id": "1001", "episode_num": 1, "title": "Pilot", "container_extension": "mkv",
                                     "info": {"duration": "00:42:00"}},
                                    {"id": "1002", "episode_num": "2", "title": "The Show - S01E02 - Second"}],
                              "2": [{"id": "2001", "episode_num": 1, "title": "", "season": 2}]}}""");
        answers.put("get_series_info&series_id=11", """
                {"episodes": [[{"id": "3001", "episode_num": 5, "season": 1, "title": "Five"}], [{"title": "no id"}]]}""");
        panel.on("/player_api.php", ex -> {
            String query = ex.getRequestURI().getQuery();
            String action = query.contains("action=") ? query.replaceAll(".*action=", "") : "account";
            String body = answers.get(action);
            LocalHttp.send(
                    ex, body == null ? 404 : 200, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    @Test
    void episodes_become_channels_and_a_broken_series_is_skipped() {
        StreamSource t = TestData.anXtreamSource("panel");
        StreamSource source = new StreamSource(
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
                true,
                t.createdAt(),
                t.updatedAt());
        List<Channel> channels = new ArrayList<>();
        IngestionProgress progress = new IngestionProgress();

        Map<String, String> facts = handler.ingest(source, channels::add, progress);

        assertThat(channels)
                .extracting(Channel::name)
                .containsExactly(
                        "The Show S01E01 Pilot",
                        "The Show - S01E02 - Second",
                        "The Show S02E01",
                        "Other Show S01E05 Five");
        Channel pilot = channels.get(0);
        assertThat(pilot.streamUrl()).endsWith("/series/user/secret/1001.mkv");
        assertThat(pilot.group()).isEqualTo("Drama");
        assertThat(pilot.logoUrl()).isEqualTo("http://img/show.jpg");
        assertThat(pilot.attributes()).containsEntry("xtream-series-id", "10");
        assertThat(channels.get(1).streamUrl()).endsWith("/1002.mp4");
        assertThat(facts).containsEntry("xtream_series", "3");
        // the episode without an id and the series whose info failed
        assertThat(progress.skipped()).isEqualTo(2);
    }
}
