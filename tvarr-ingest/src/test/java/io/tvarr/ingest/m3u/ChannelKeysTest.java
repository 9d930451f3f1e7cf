package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelKeysTest {
    private static String key(String tvgId, String url) {
        return new ChannelKeys().keyFor(tvgId, url);
    }

    @Nested
    class Stable_across_refreshes {
        @Test
        void a_rotated_token_in_the_query_keeps_the_key() {
            assertThat(key("", "http://cdn.example/hls/one.m3u8?token=abc&expires=1"))
                    .isEqualTo(key("", "http://cdn.example/hls/one.m3u8?token=xyz&expires=2"));
        }

        @Test
        void changed_account_segments_of_an_xtream_path_keep_the_key() {
            assertThat(key("", "http://panel.example:8080/live/bob/s3cret/1234.ts"))
                    .isEqualTo(key("", "http://panel.example:8080/live/bob/n3w/1234.ts"));
            assertThat(key("", "http://panel.example:8080/bob/s3cret/1234"))
                    .isEqualTo(key("", "http://panel.example:8080/alice/n3w/1234"));
        }

        @Test
        void user_info_scheme_and_host_are_not_part_of_the_key() {
            assertThat(key("one", "http://u:p@s1.cdn.example/ch/1.ts"))
                    .isEqualTo(key("one", "https://s2.cdn.example/ch/1.ts"));
        }

        @Test
        void a_key_never_carries_a_credential() {
            assertThat(key("", "http://u:pw@panel.example/live/bob/s3cret/1.ts?token=t0k3n"))
                    .doesNotContain("bob", "s3cret", "pw", "t0k3n");
        }
    }

    @Nested
    class Distinct_channels {
        @Test
        void the_same_path_with_another_tvg_id_is_another_channel() {
            assertThat(key("a", "http://x/stream.ts")).isNotEqualTo(key("b", "http://x/stream.ts"));
        }

        @Test
        void a_query_parameter_that_is_no_credential_stays_in_the_key() {
            assertThat(key("", "http://x/play.php?id=1&token=a"))
                    .isNotEqualTo(key("", "http://x/play.php?id=2&token=a"));
        }

        @Test
        void repeated_keys_are_numbered_in_playlist_order() {
            ChannelKeys keys = new ChannelKeys();
            String first = keys.keyFor("", "http://x/same.ts");
            String second = keys.keyFor("", "http://x/same.ts");

            assertThat(second).isEqualTo(first + "#2");
        }

        @Test
        void a_url_without_a_path_is_keyed_by_its_address() {
            assertThat(key("", "udp://@239.0.0.1:1234")).isNotEqualTo(key("", "udp://@239.0.0.2:1234"));
        }

        @Test
        void keys_are_marked_as_the_current_scheme() {
            assertThat(key("", "http://x/a.ts")).startsWith(ChannelKeys.PREFIX);
        }
    }
}
