package io.tvarr.ingest.xtream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.TestData;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.Credentials;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.fetch.LocalHttp;
import io.tvarr.ingest.xmltv.XmltvEpgSourceHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An Xtream panel whose xmltv.php is empty: the guide comes per stream from get_simple_data_table. */
class XtreamShortEpgIT {
    private final LocalHttp panel = new LocalHttp();
    private final Map<String, String> answers = new HashMap<>();
    private final XmltvEpgSourceHandler handler =
            new XmltvEpgSourceHandler(new HttpSourceFetcher(FetchSettings.defaults(List.of())), EpgSourceKind.XTREAM);
    private final List<EpgChannel> channels = new ArrayList<>();
    private final List<EpgProgramme> programmes = new ArrayList<>();
    private final EpgSink sink = new EpgSink() {
        @Override
        public void channel(EpgChannel channel) {
            channels.add(channel);
        }

        @Override
        public void programme(EpgProgramme programme) {
            programmes.add(programme);
        }
    };

    XtreamShortEpgIT() {
        panel.on("/xmltv.php", ex -> LocalHttp.send(ex, 200, "<tv></tv>".getBytes(StandardCharsets.UTF_8)));
        panel.on("/player_api.php", ex -> {
            String query = ex.getRequestURI().getQuery();
            String action = query.replaceAll(".*action=", "");
            String body = answers.get(action);
            LocalHttp.send(
                    ex, body == null ? 404 : 200, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private EpgSource source() {
        EpgSource t = TestData.anXmltvSource("panel");
        return new EpgSource(
                EpgSourceId.random(),
                "panel",
                EpgSourceKind.XTREAM,
                panel.uri("/"),
                new Credentials("user", "secret"),
                null,
                true,
                null,
                60,
                ZoneId.of("Europe/Berlin"),
                RetentionWindow.DEFAULT,
                t.createdAt(),
                t.updatedAt());
    }

    @Test
    void an_empty_xmltv_php_falls_back_to_per_stream_listings_with_base64_decoded() {
        answers.put("get_live_streams", """
                [{"stream_id": 1, "name": "One HD", "epg_channel_id": "one.de", "stream_icon": "http://i/1.png"},
                 {"stream_id": "2", "name": "No guide", "epg_channel_id": null},
                 {"stream_id": 3, "name": "One SD", "epg_channel_id": "one.de"},
                 {"stream_id": 4, "name": "Two", "epg_channel_id": "two.de"}]""");
        answers.put("get_simple_data_table&stream_id=1", """
                {"epg_listings": [
                  {"id": "9", "title": "%s", "description": "%s", "lang": "de",
                   "start_timestamp": "1767261600", "stop_timestamp": "1767265200"},
                  {"title": "%s", "start": "2026-01-01 11:00:00", "end": "2026-01-01 12:00:00"},
                  {"title": "", "start_timestamp": "1767268800", "stop_timestamp": "1767272400"}]}""".formatted(
                        b64("Nachrichten & Wetter"), b64("Der Tag"), b64("Sport")));
        answers.put("get_simple_data_table&stream_id=4", "{\"epg_listings\": []}");
        answers.put("get_short_epg&stream_id=4&limit=100", """
                {"epg_listings": [{"title": "plain text title", "start_timestamp": "1767261600",
                  "stop_timestamp": "1767263400"}]}""");
        IngestionProgress progress = new IngestionProgress();

        Map<String, String> facts = handler.ingest(source(), sink, progress);

        assertThat(facts).containsKey("guide");
        assertThat(channels).extracting(EpgChannel::id).containsExactly("one.de", "two.de");
        assertThat(programmes)
                .extracting(EpgProgramme::title)
                .containsExactly("Nachrichten & Wetter", "Sport", "plain text title");
        EpgProgramme news = programmes.get(0);
        assertThat(news.channelId()).isEqualTo("one.de");
        assertThat(news.description()).isEqualTo("Der Tag");
        // epoch seconds are UTC; the source's 60-minute shift applies
        assertThat(news.start()).isEqualTo(Instant.ofEpochSecond(1767261600).plusSeconds(3600));
        // panel-local times are read in the source's zone (Berlin, UTC+1 in January), then shifted
        assertThat(programmes.get(1).start())
                .isEqualTo(Instant.parse("2026-01-01T10:00:00Z").plusSeconds(3600));
        assertThat(progress.skipped()).isEqualTo(1);
    }

    @Test
    void control_characters_in_decoded_titles_and_descriptions_are_cleaned() {
        answers.put(
                "get_live_streams", "[{\"stream_id\": 1, \"name\": \"One\\u001b\", \"epg_channel_id\": \"one.de\"}]");
        answers.put("get_simple_data_table&stream_id=1", """
                {"epg_listings": [{"title": "%s", "description": "%s",
                   "start_timestamp": "1767261600", "stop_timestamp": "1767265200"}]}""".formatted(
                        b64("News\u001b[0m\u2028Live"), b64("Line one\r\nLine\u0000 two")));

        handler.ingest(source(), sink, new IngestionProgress());

        assertThat(channels.get(0).displayNames().get(0).text()).isEqualTo("One");
        assertThat(programmes.get(0).title()).isEqualTo("News[0m Live");
        assertThat(programmes.get(0).description()).isEqualTo("Line one\nLine two");
    }

    @Test
    void a_panel_with_no_guide_anywhere_is_a_clear_failure() {
        answers.put("get_live_streams", "[{\"stream_id\": 1, \"name\": \"One\", \"epg_channel_id\": \"one.de\"}]");

        assertThatThrownBy(() -> handler.ingest(source(), sink, new IngestionProgress()))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("xmltv.php returned no programmes")
                .hasMessageContaining("get_short_epg")
                .hasMessageNotContaining("secret");
    }
}
