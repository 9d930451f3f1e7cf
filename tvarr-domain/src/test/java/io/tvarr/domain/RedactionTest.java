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
        void api_keys_and_access_tokens_under_their_common_names() {
            assertThat(
                            Redaction.redactUrl(
                                    "http://h.example/s?api_key=a1&apikey=a2&access_token=a3&x-api-key=a4&auth_token=a5&pwd=a6"))
                    .isEqualTo("http://h.example/s?api_key=***&apikey=***&access_token=***&x-api-key=***"
                            + "&auth_token=***&pwd=***");
            assertThat(Redaction.redactUrl("http://h.example/s?passwd=b1&client_secret=b2&Signature=b3"))
                    .isEqualTo("http://h.example/s?passwd=***&client_secret=***&Signature=***");
        }

        @Test
        void jdbc_parameters_after_a_semicolon_or_in_parentheses() {
            assertThat(Redaction.redactUrl("jdbc:mysql://h.example/db;user=app;password=s3"))
                    .isEqualTo("jdbc:mysql://h.example/db;user=***;password=***");
            assertThat(Redaction.redactUrl("jdbc:mysql://address=(host=h.example)(user=app)(password=s3)/db"))
                    .isEqualTo("jdbc:mysql://address=(host=h.example)(user=***)(password=***)/db");
        }

        @Test
        void a_query_value_up_to_a_quote_or_bracket_that_cannot_be_part_of_it() {
            assertThat(Redaction.redactUrl("{\"message\":\"GET http://h.example/?password=s3\",\"level\":\"INFO\"}"))
                    .isEqualTo("{\"message\":\"GET http://h.example/?password=***\",\"level\":\"INFO\"}");
            assertThat(Redaction.redactUrl("<http://h.example/?token=s3>")).isEqualTo("<http://h.example/?token=***>");
        }

        @Test
        void a_query_value_up_to_the_punctuation_of_the_sentence_around_it() {
            assertThat(Redaction.redactUrl("GET http://h.example/?pass=s3: http 401, then http://h.example/?pass=s3."))
                    .isEqualTo("GET http://h.example/?pass=***: http 401, then http://h.example/?pass=***.");
        }

        @Test
        void passwords_holding_escaped_delimiters_whole() {
            assertThat(Redaction.redactUrl("http://bob:pa%2Fs%3Fs@h.example/x")).isEqualTo("http://***@h.example/x");
            assertThat(Redaction.redactUrl("http://h.example/get.php?username=bob&password=p%26s%23s%3Bw&type=m3u"))
                    .isEqualTo("http://h.example/get.php?username=***&password=***&type=m3u");
            assertThat(Redaction.redactUrl("http://h.example/live/bob/pa%2Fss/1.ts"))
                    .isEqualTo("http://h.example/live/***/***/1.ts");
        }

        @Test
        void url_encoded_credentials_inside_another_url() {
            assertThat(Redaction.redactUrl(
                            "http://img.example/fetch?u=http%3A%2F%2Fbob%3As3cret%40h.example%2Flive%2Fbob%2Fs3cret%2F1.ts"
                                    + "%3Fpassword%3Ds3cret%26type%3Dm3u"))
                    .doesNotContain("s3cret")
                    .contains("h.example", "1.ts", "type%3Dm3u");
            assertThat(Redaction.redactUrl("http%3a%2f%2fh.example%2fget.php%3fusername%3dbob%26password%3ds3cret"))
                    .isEqualTo("http%3a%2f%2fh.example%2fget.php%3fusername%3d***%26password%3d***");
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
        void names_that_only_contain_a_secret_word_and_values_after_a_closing_bracket() {
            String url = "http://h.example/x?monkey=1&passport=2&keys=3";
            assertThat(Redaction.redactUrl(url)).isEqualTo(url);
            assertThat(Redaction.redactUrl("http://h.example/x?pass=a(b)c")).isEqualTo("http://h.example/x?pass=***");
        }

        @Test
        void percent_signs_that_are_no_escape_of_a_delimiter() {
            String text = "100% done, 50%3 left at http://h.example/a%20b?q=%41";
            assertThat(Redaction.redactUrl(text)).isEqualTo(text);
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
        void long_runs_of_escapes_are_masked_in_linear_time() {
            String hostile = "%3A%2F%2F".repeat(30_000)
                    + "%2Flive%2F".repeat(30_000)
                    + "%3Fpass%3D".repeat(30_000)
                    + "%40".repeat(30_000);
            assertTimeoutPreemptively(GENEROUS, () -> Redaction.redactUrl(hostile));
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
