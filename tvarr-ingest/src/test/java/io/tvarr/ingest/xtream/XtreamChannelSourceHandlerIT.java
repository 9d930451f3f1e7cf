package io.tvarr.ingest.xtream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.SharedCorpus;
import io.tvarr.domain.TestData;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.fetch.LocalHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XtreamChannelSourceHandlerIT {
    private final LocalHttp panel = new LocalHttp();
    private final Map<String, byte[]> answers = new HashMap<>();
    private final XtreamChannelSourceHandler handler =
            new XtreamChannelSourceHandler(new HttpSourceFetcher(FetchSettings.defaults(List.of())));

    XtreamChannelSourceHandlerIT() {
        panel.on("/player_api.php", ex -> {
            String query = ex.getRequestURI().getQuery();
            String action = query.contains("action=") ? query.replaceAll(".*action=", "") : "account";
            byte[] body = answers.get(action);
            LocalHttp.send(ex, body == null ? 404 : 200, body == null ? new byte[0] : body);
        });
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    private void answer(String action, String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/xtream/" + resource)) {
            answers.put(action, in.readAllBytes());
        }
    }

    private StreamSource source() {
        StreamSource template = TestData.anXtreamSource("panel");
        return new StreamSource(
                template.id(),
                template.name(),
                template.kind(),
                URI.create(panel.uri("/").toString()),
                template.credentials(),
                null,
                true,
                null,
                0,
                template.xtreamOutput(),
                false,
                false,
                template.createdAt(),
                template.updatedAt());
    }

    @Nested
    class Own_fixtures {
        @Test
        void live_streams_become_channels_tolerating_strings_nulls_and_missing_fields() throws IOException {
            answer("account", "account.json");
            answer("get_live_categories", "categories.json");
            answer("get_live_streams", "streams.json");
            List<Channel> channels = new ArrayList<>();
            IngestionProgress progress = new IngestionProgress();

            Map<String, String> facts = handler.ingest(source(), channels::add, progress);

            assertThat(channels).extracting(Channel::name).containsExactly("BBC News", "Sky Sports", "Adult");
            Channel bbc = channels.get(0);
            assertThat(bbc.streamUrl())
                    .isEqualTo(panel.uri("/live/user/secret/101.ts").toString());
            assertThat(bbc.tvgId()).isEqualTo("bbcnews.uk");
            assertThat(bbc.group()).isEqualTo("UK | News");
            assertThat(bbc.logoUrl()).isEqualTo("http://img.example/bbc.png");
            assertThat(bbc.tvgChno()).isEqualTo("1");
            assertThat(bbc.attributes()).containsEntry("catchup", "xc").containsEntry("catchup-days", "7");
            assertThat(channels.get(1).group()).isEqualTo("Sports / Live");
            assertThat(channels.get(1).tvgId()).isNull();
            assertThat(channels.get(2).attributes()).containsEntry("is-adult", "1");
            assertThat(progress.skipped()).isEqualTo(2);
            assertThat(facts)
                    .containsEntry("xtream_status", "Active")
                    .containsEntry("xtream_max_connections", "2")
                    .containsEntry("xtream_expires_at", "2030-12-31T00:00:00Z");
        }

        @Test
        void an_expired_account_is_a_clear_error() throws IOException {
            answer("account", "expired.json");

            assertThatThrownBy(() -> handler.ingest(source(), c -> {}, new IngestionProgress()))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessage("xtream account 'user' is expired (expected: active)");
        }

        @Test
        void a_refused_login_names_the_user_but_not_the_password() throws IOException {
            answer("account", "refused.json");

            assertThatThrownBy(() -> handler.ingest(source(), c -> {}, new IngestionProgress()))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageStartingWith("xtream login refused for user 'user'")
                    .hasMessageNotContaining("secret");
        }

        @Test
        void broken_json_is_named() throws IOException {
            answer("account", "account.json");
            answer("get_live_categories", "categories.json");
            answers.put("get_live_streams", "[{\"name\":\"x\",".getBytes());

            assertThatThrownBy(() -> handler.ingest(source(), c -> {}, new IngestionProgress()))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageStartingWith("xtream get_live_streams: not valid JSON");
        }
    }

    @Nested
    class Hostile_streams {
        private List<Channel> ingest(String streams, IngestionProgress progress) throws IOException {
            answer("account", "account.json");
            answer("get_live_categories", "categories.json");
            answers.put("get_live_streams", streams.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<Channel> channels = new ArrayList<>();
            handler.ingest(source(), channels::add, progress);
            return channels;
        }

        @Test
        void a_non_object_element_is_skipped_and_counted_and_later_entries_are_read() throws IOException {
            IngestionProgress progress = new IngestionProgress();

            List<Channel> channels = ingest(
                    "[{\"stream_id\":1,\"name\":\"One\"},42,\"text\",null,[1,2],"
                            + "{\"stream_id\":2,\"name\":\"Two\"}]",
                    progress);

            assertThat(channels).extracting(Channel::name).containsExactly("One", "Two");
            assertThat(progress.skipped()).isEqualTo(4);
            assertThat(progress.entries()).isEqualTo(6);
        }

        @Test
        void a_stream_id_that_is_not_a_number_is_skipped_and_counted() throws IOException {
            IngestionProgress progress = new IngestionProgress();

            List<Channel> channels = ingest(
                    "[{\"stream_id\":\"notanumber\",\"name\":\"Bad\"},"
                            + "{\"stream_id\":\"1&action=x\",\"name\":\"Injected\"},"
                            + "{\"stream_id\":\"7\",\"name\":\"Good\"}]",
                    progress);

            assertThat(channels).extracting(Channel::name).containsExactly("Good");
            assertThat(progress.skipped()).isEqualTo(2);
        }

        @Test
        void types_panels_send_as_strings_floats_or_booleans_are_coerced() throws IOException {
            List<Channel> channels = ingest(
                    "[{\"stream_id\":\" 12 \",\"name\":123,\"num\":\"5.0\",\"tv_archive\":true,"
                            + "\"tv_archive_duration\":\"3\",\"is_adult\":\"true\",\"category_id\":1},"
                            + "{\"stream_id\":13.0,\"name\":\"Float id\",\"num\":\"n/a\"}]",
                    new IngestionProgress());

            assertThat(channels).hasSize(2);
            Channel first = channels.get(0);
            assertThat(first.name()).isEqualTo("123");
            assertThat(first.tvgChno()).isEqualTo("5");
            assertThat(first.streamUrl()).endsWith("/12.ts");
            assertThat(first.attributes())
                    .containsEntry("catchup", "xc")
                    .containsEntry("catchup-days", "3")
                    .containsEntry("is-adult", "1");
            assertThat(channels.get(1).streamUrl()).endsWith("/13.ts");
            assertThat(channels.get(1).tvgChno()).isNull();
        }

        @Test
        void control_characters_in_names_and_groups_are_cleaned() throws IOException {
            List<Channel> channels = ingest(
                    "[{\"stream_id\":1,\"name\":\"News\\u001b[1m\\u2028HD\",\"epg_channel_id\":\"n\\u0085s\"}]",
                    new IngestionProgress());

            assertThat(channels.get(0).name()).isEqualTo("News[1m HD");
            assertThat(channels.get(0).tvgId()).isEqualTo("n s");
        }
    }

    @Test
    void real_panel_responses_from_the_corpus_parse() throws IOException {
        Path root = SharedCorpus.require("xtream/tellytv-go.xtream-codes/testData");
        for (String provider : List.of("eternal", "hellraiser", "iris", "tnt")) {
            Path dir = root.resolve(provider);
            answers.put("account", Files.readAllBytes(dir.resolve("auth.json")));
            answers.put("get_live_categories", Files.readAllBytes(dir.resolve("get_live_categories.json")));
            answers.put("get_live_streams", Files.readAllBytes(dir.resolve("get_live_streams.json")));
            List<Channel> channels = new ArrayList<>();
            IngestionProgress progress = new IngestionProgress();

            handler.ingest(source(), channels::add, progress);

            assertThat(channels).as(provider).isNotEmpty();
            assertThat(channels.size() + progress.skipped()).as(provider).isEqualTo(progress.entries());
        }
    }
}
