package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tvarr.domain.TestData;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.SourceFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class M3uChannelSourceHandlerTest {
    private final List<Channel> channels = new ArrayList<>();
    private final IngestionProgress progress = new IngestionProgress();
    private final Logger logger = (Logger) LoggerFactory.getLogger(M3uChannelSourceHandler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    M3uChannelSourceHandlerTest() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(logged);
    }

    private final StreamSource source = TestData.anM3uSource("list");

    private Map<String, String> ingest(String playlist) {
        SourceFetcher fetcher =
                (url, userAgent, maxBytes) -> new ByteArrayInputStream(playlist.getBytes(StandardCharsets.UTF_8));
        return new M3uChannelSourceHandler(fetcher, M3uLimits.DEFAULT).ingest(source, channels::add, progress);
    }

    @Nested
    class Facts {
        @Test
        void guide_urls_from_the_header_have_their_credentials_masked() {
            Map<String, String> facts = ingest("#EXTM3U x-tvg-url=\"http://panel.example/xmltv.php?username=bob"
                    + "&password=s3cret\"\n#EXTINF:-1,One\nhttp://a/1\n");

            assertThat(facts.get("guide_urls"))
                    .isEqualTo("http://panel.example/xmltv.php?username=***&password=***")
                    .doesNotContain("s3cret");
        }
    }

    @Nested
    class Wrong_kind_of_source {
        @Test
        void a_body_with_no_recognised_entry_fails_naming_the_count_and_logs_only_the_first_few() {
            String lines = "channel name without a url\n".repeat(50);

            assertThatThrownBy(() -> ingest(lines))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("not an M3U playlist")
                    .hasMessageContaining("50 lines skipped")
                    .hasMessageContaining("line 1: not a stream URL");
            assertThat(progress.skipped()).isEqualTo(50);
            assertThat(logged.list).hasSizeLessThanOrEqualTo(6);
        }

        @Test
        void many_bad_entries_among_good_ones_are_logged_a_few_times_and_counted() {
            String playlist = "#EXTM3U\n#EXTINF:-1,Good\nhttp://a/1\n" + "garbage line\n".repeat(100);

            ingest(playlist);

            assertThat(channels).hasSize(1);
            assertThat(progress.skipped()).isEqualTo(100);
            assertThat(logged.list).hasSize(6);
            assertThat(logged.list.get(5).getFormattedMessage()).contains("skipped=100");
        }
    }

    @Nested
    class Cut_off_download {
        @Test
        void a_body_that_breaks_off_half_way_is_the_providers_failure_naming_the_source_not_an_unexpected_one() {
            byte[] half = "#EXTM3U\n#EXTINF:-1,One\nhttp://a/1\n#EXTINF:-1,Two\n".getBytes(StandardCharsets.UTF_8);
            SourceFetcher fetcher = (url, userAgent, maxBytes) ->
                    new SequenceInputStream(new ByteArrayInputStream(half), new InputStream() {
                        @Override
                        public int read() throws IOException {
                            throw new IOException("connection reset by peer");
                        }
                    });
            M3uChannelSourceHandler handler = new M3uChannelSourceHandler(fetcher, M3uLimits.DEFAULT);

            assertThatThrownBy(() -> handler.ingest(source, channels::add, progress))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining(source.url().toString())
                    .hasMessageContaining("connection reset by peer");
        }
    }

    @Nested
    class Text {
        @Test
        void control_characters_and_line_separators_never_reach_the_channel() {
            ingest("#EXTM3U\n#EXTINF:-1 tvg-id=\"news\u001b.uk\" tvg-name=\"N\u0085ews\" group-title=\"G\u2028R\" "
                    + "custom=\"v\u0007\",News\u001b[31m HD\u2029\n#EXTVLCOPT:http-user-agent=UA\u0001\n"
                    + "#KODIPROP:key=\u001bvalue\nhttp://a/1\u001b\n");

            Channel channel = channels.get(0);
            assertThat(channel.name()).isEqualTo("News[31m HD");
            assertThat(channel.tvgId()).isEqualTo("news.uk");
            assertThat(channel.tvgName()).isEqualTo("N ews");
            assertThat(channel.group()).isEqualTo("G R");
            assertThat(channel.streamUrl()).isEqualTo("http://a/1");
            assertThat(channel.attributes())
                    .containsEntry("custom", "v")
                    .containsEntry("http-user-agent", "UA")
                    .containsEntry("kodiprop", "key=value");
        }

        @Test
        void a_control_character_in_any_line_of_an_entry_is_cleaned_whichever_line_it_is_in() {
            ingest("#EXTM3U\n#EXTINF:-1 tvg-id=\"a.uk\",A\n#EXTVLCOPT:http-user-agent=UA\u0001\nhttp://a/1\n"
                    + "#EXTINF:-1 tvg-id=\"b.uk\",B\n#KODIPROP:key=\u001bvalue\nhttp://a/2\n"
                    + "#EXTINF:-1 tvg-id=\"c.uk\",C\nhttp://a/3\u0007\n"
                    + "#EXTINF:-1 tvg-id=\"d.uk\"\t,D\u00e9\nhttp://a/4\n");

            assertThat(channels.get(0).attributes()).containsEntry("http-user-agent", "UA");
            assertThat(channels.get(1).attributes()).containsEntry("kodiprop", "key=value");
            assertThat(channels.get(2).streamUrl()).isEqualTo("http://a/3");
            assertThat(channels.get(3).name()).isEqualTo("D\u00e9");
        }
    }

    @Nested
    class Identity {
        @Test
        void a_renamed_and_moved_channel_with_a_new_token_keeps_its_id() {
            ingest("#EXTM3U\n#EXTINF:-1 tvg-id=\"one.uk\",One\nhttp://cdn.example/hls/one.m3u8?token=a\n"
                    + "#EXTINF:-1 tvg-id=\"two.uk\",Two\nhttp://cdn.example/hls/two.m3u8?token=a\n");
            List<Channel> before = List.copyOf(channels);
            channels.clear();

            ingest("#EXTM3U\n#EXTINF:-1 tvg-id=\"two.uk\",Two HD\nhttp://cdn.example/hls/two.m3u8?token=b\n"
                    + "#EXTINF:-1 tvg-id=\"one.uk\",One (renamed)\nhttp://cdn.example/hls/one.m3u8?token=b\n");

            assertThat(channels.get(1).id()).isEqualTo(before.get(0).id());
            assertThat(channels.get(0).id()).isEqualTo(before.get(1).id());
        }

        @Test
        void the_stored_key_carries_no_credential() {
            ingest("#EXTM3U\n#EXTINF:-1,One\nhttp://bob:pw@panel.example/live/bob/s3cret/7.ts?token=t0k\n");

            assertThat(channels.get(0).externalKey()).isEqualTo("m3u:|/live/*/*/7.ts");
        }
    }
}
