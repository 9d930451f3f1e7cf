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
