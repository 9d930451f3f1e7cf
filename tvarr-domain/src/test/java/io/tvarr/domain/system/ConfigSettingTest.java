package io.tvarr.domain.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigSettingTest {
    @Nested
    class Secrets {
        @Test
        void a_secret_set_to_anything_is_masked() {
            ConfigSetting shown = ConfigSetting.of("admin.password", "hunter2", "", "admin password", true);

            assertThat(shown.value()).isEqualTo("***");
            assertThat(shown.byDefault()).isFalse();
        }

        @Test
        void an_unset_secret_shows_empty_so_people_see_it_is_not_set() {
            assertThat(ConfigSetting.of("database.password", "", "", "db password", true)
                            .value())
                    .isEmpty();
        }

        @Test
        void a_key_named_like_a_secret_is_masked_even_when_not_marked_secret() {
            assertThat(ConfigSetting.of("metrics.api_key", "k-123", "", "", false)
                            .value())
                    .isEqualTo("***");
            assertThat(ConfigSetting.of("auth.token", "t-123", "", "", false).value())
                    .isEqualTo("***");
        }
    }

    @Nested
    class Urls {
        @Test
        void credentials_in_a_database_url_are_masked_and_the_rest_kept() {
            ConfigSetting shown = ConfigSetting.of(
                    "database.url", "jdbc:postgresql://db:5432/tvarr?user=tv&password=pg-secret", "", "", false);

            assertThat(shown.value()).doesNotContain("pg-secret").contains("jdbc:postgresql://db:5432/tvarr");
        }

        @Test
        void user_info_in_a_url_is_masked() {
            ConfigSetting shown =
                    ConfigSetting.of("server.base_url", "http://bob:b0b-secret@tv.example:8080", "", "", false);

            assertThat(shown.value()).doesNotContain("b0b-secret").contains("tv.example:8080");
        }

        @Test
        void plain_values_are_shown_as_they_are_and_say_whether_they_are_the_default() {
            ConfigSetting port = ConfigSetting.of("server.port", "8080", "8080", "HTTP port", false);

            assertThat(port.value()).isEqualTo("8080");
            assertThat(port.byDefault()).isTrue();
        }
    }
}
