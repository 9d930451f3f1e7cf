package io.tvarr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Nested
    class Masks {
        @Test
        void user_info() {
            assertThat(Redaction.redactUrl("http://bob:secret@host.example:8080/list.m3u"))
                    .isEqualTo("http://***@host.example:8080/list.m3u");
        }

        @Test
        void user_info_whose_password_holds_an_at_sign() {
            assertThat(Redaction.redactUrl("https://bob:p@ss@host.example/x")).isEqualTo("https://***@host.example/x");
        }

        @Test
        void credential_query_parameters_of_any_case() {
            assertThat(Redaction.redactUrl("http://h.example/get.php?Username=bob&PASSWORD=s3&type=m3u&token=t#f"))
                    .isEqualTo("http://h.example/get.php?Username=***&PASSWORD=***&type=m3u&token=***#f");
        }

        @Test
        void xtream_path_credentials() {
            assertThat(Redaction.redactUrl("http://h.example:80/live/bob/s3cret/123.ts"))
                    .isEqualTo("http://h.example:80/live/***/***/123.ts");
            assertThat(Redaction.redactUrl("http://h.example/Movie/bob/s3cret/9.mkv"))
                    .isEqualTo("http://h.example/Movie/***/***/9.mkv");
        }

        @Test
        void output_tokens_in_proxy_and_tuner_paths() {
            String token = "Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC";
            assertThat(Redaction.redactUrl("/proxy/" + token + ".m3u")).isEqualTo("/proxy/***.m3u");
            assertThat(Redaction.redactUrl("http://h.example/proxy/" + token + "/00000000-0000-0000-0000-000000000001"))
                    .isEqualTo("http://h.example/proxy/***/00000000-0000-0000-0000-000000000001");
            assertThat(Redaction.redactUrl("/hdhr/" + token + "/lineup.json")).isEqualTo("/hdhr/***/lineup.json");
        }

        @Test
        void every_url_in_a_message() {
            assertThat(Redaction.redactUrl(
                            "ffmpeg: http://a:b@one.example/x failed, then http://two.example/p?pass=z ended"))
                    .isEqualTo("ffmpeg: http://***@one.example/x failed, then http://two.example/p?pass=*** ended");
        }
    }

    @Nested
    class Leaves_alone {
        @Test
        void urls_without_credentials() {
            String url = "http://host.example/path/live/one.ts?type=m3u&passport=1";
            assertThat(Redaction.redactUrl(url)).isEqualTo(url);
        }

        @Test
        void proxy_ids_and_slugs_in_output_paths() {
            String id = "/proxy/5f0c6f9e-1b2a-4c3d-9e8f-0a1b2c3d4e5f/playlist.m3u8";
            assertThat(Redaction.redactUrl(id)).isEqualTo(id);
            assertThat(Redaction.redactUrl("/hdhr/living-room/discover.json"))
                    .isEqualTo("/hdhr/living-room/discover.json");
        }

        @Test
        void text_without_urls() {
            assertThat(Redaction.redactUrl("user@example.com wrote: a/b/c")).isEqualTo("user@example.com wrote: a/b/c");
        }
    }

    @Nested
    class Hostile_input {
        // the regex it replaces backtracked: 20k characters took 6 s and 100k over a minute
        private static final Duration GENEROUS = Duration.ofSeconds(10);

        @Test
        void a_long_run_of_scheme_characters_is_masked_in_linear_time() {
            String url = "http://" + "a".repeat(200_000);
            assertTimeoutPreemptively(
                    GENEROUS, () -> assertThat(Redaction.redactUrl(url)).isEqualTo(url));
        }

        @Test
        void long_runs_of_every_shape_are_masked_in_linear_time() {
            String hostile = "a".repeat(100_000) + "://" + "b".repeat(100_000) + "/live/" + "c".repeat(100_000)
                    + "?pass=" + "d".repeat(100_000);
            assertTimeoutPreemptively(
                    GENEROUS, () -> assertThat(Redaction.redactUrl(hostile)).endsWith("?pass=***"));
        }
    }
}
