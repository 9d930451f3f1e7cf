package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("tvarr.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Nested
    class Defaults {
        @Test
        void embedded_defaults_serve_on_8080_with_sqlite_under_the_data_dir() {
            TvarrConfig config = loader.load(null, Map.of(), Map.of());

            assertThat(config.http().port()).isEqualTo(8080);
            assertThat(config.database().url())
                    .isEqualTo("jdbc:sqlite:" + Path.of("./data").resolve("tvarr.db"));
            assertThat(config.log().format()).isEqualTo("text");
        }
    }

    @Nested
    class Precedence {
        @Test
        void file_then_environment_then_flags() throws IOException {
            Path file = yaml("server:\n  port: 9000\n  host: 127.0.0.1\nlog:\n  level: debug\n");

            TvarrConfig fileOnly = loader.load(file, Map.of(), Map.of());
            TvarrConfig withEnvironment = loader.load(file, Map.of("TVARR_SERVER_PORT", "9100"), Map.of());
            TvarrConfig withFlag =
                    loader.load(file, Map.of("TVARR_SERVER_PORT", "9100"), Map.of(ConfigKey.SERVER_PORT, "9200"));

            assertThat(fileOnly.http().port()).isEqualTo(9000);
            assertThat(withEnvironment.http().port()).isEqualTo(9100);
            assertThat(withFlag.http().port()).isEqualTo(9200);
            assertThat(withFlag.http().host()).isEqualTo("127.0.0.1");
            assertThat(withFlag.log().level()).isEqualTo("DEBUG");
        }

        @Test
        void the_database_defaults_to_sqlite_in_the_data_dir() {
            TvarrConfig config = loader.load(null, Map.of("TVARR_DATA_DIR", "/srv/tvarr"), Map.of());

            assertThat(config.database().url()).isEqualTo("jdbc:sqlite:/srv/tvarr/tvarr.db");
        }

        @Test
        void lists_may_be_written_as_yaml_sequences() throws IOException {
            Path file = yaml("server:\n  cors_origins: [http://a.example, http://b.example]\n");

            assertThat(loader.load(file, Map.of(), Map.of()).http().corsOrigins())
                    .containsExactly("http://a.example", "http://b.example");
        }

        @Test
        void the_documented_example_is_valid_and_holds_the_defaults() {
            Path example = Path.of(System.getProperty("tvarr.repo.root", ".."), "configs", "tvarr.example.yaml");

            TvarrConfig documented = loader.load(example, Map.of(), Map.of());
            TvarrConfig defaults = loader.load(null, Map.of(), Map.of());

            assertThat(documented).isEqualTo(defaults);
        }
    }

    @Nested
    class In_effect {
        @Test
        void lists_every_key_with_no_secret_in_any_value() throws IOException {
            Path file = yaml("database:\n  url: jdbc:postgresql://db:5432/tvarr?user=tv&password=pg-url-secret\n"
                    + "  username: tv\n  password: pg-password-secret\n"
                    + "server:\n  base_url: http://bob:base-url-secret@tv.example:8080\n");

            TvarrConfig config = loader.load(
                    file,
                    Map.of("TVARR_ADMIN_PASSWORD", "admin-password-secret"),
                    Map.of(ConfigKey.SERVER_PORT, "9300"));

            assertThat(config.inEffect()).hasSize(ConfigKey.values().length);
            assertThat(config.inEffect().toString())
                    .doesNotContain("pg-url-secret")
                    .doesNotContain("pg-password-secret")
                    .doesNotContain("base-url-secret")
                    .doesNotContain("admin-password-secret")
                    .contains("tv.example:8080")
                    .contains("9300");
            assertThat(config.toString()).doesNotContain("pg-url-secret").doesNotContain("admin-password-secret");
        }

        @Test
        void says_which_values_are_the_defaults() {
            TvarrConfig config = loader.load(null, Map.of(), Map.of(ConfigKey.SERVER_PORT, "9300"));

            assertThat(config.inEffect())
                    .filteredOn(s -> s.key().equals("server.port"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.byDefault()).isFalse());
            assertThat(config.inEffect())
                    .filteredOn(s -> s.key().equals("server.host"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.byDefault()).isTrue());
        }
    }

    @Nested
    class Invalid {
        @Test
        void an_unknown_key_is_named_with_a_suggestion() throws IOException {
            Path file = yaml("server:\n  prot: 80\n");

            assertThatThrownBy(() -> loader.load(file, Map.of(), Map.of()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("unknown key 'server.prot'")
                    .hasMessageContaining("did you mean 'server.port'");
        }

        @Test
        void a_port_out_of_range_names_the_key_and_the_range() {
            assertThatThrownBy(() -> loader.load(null, Map.of("TVARR_SERVER_PORT", "70000"), Map.of()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("server.port: 70000 (expected: 0-65535)");
        }

        @Test
        void an_instance_id_that_cannot_name_an_instance_is_refused_with_the_key() {
            assertThatThrownBy(() -> loader.load(null, Map.of("TVARR_INSTANCE_ID", "den one"), Map.of()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("instance.id: 'den one' (expected: 1-64 letters, digits, dots, dashes or underscores)");
        }

        @Test
        void a_lease_too_short_to_renew_is_refused_with_the_key() {
            assertThatThrownBy(() -> loader.load(null, Map.of("TVARR_INSTANCE_LEASE_SECONDS", "3"), Map.of()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("instance.lease_seconds: '3' (expected: 10-3600)");
        }

        @Test
        void a_scheduler_tick_longer_than_a_minute_is_refused_with_the_key() {
            assertThatThrownBy(() -> loader.load(null, Map.of("TVARR_JOBS_SCHEDULER_TICK_SECONDS", "61"), Map.of()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("jobs.scheduler_tick_seconds: '61' (expected: 1-60)");
        }

        @Test
        void the_scheduler_ticks_every_thirty_seconds_unless_told_otherwise() {
            assertThat(loader.load(null, Map.of(), Map.of()).schedulerTick())
                    .isEqualTo(java.time.Duration.ofSeconds(30));
            assertThat(loader.load(null, Map.of("TVARR_JOBS_SCHEDULER_TICK_SECONDS", "1"), Map.of())
                            .schedulerTick())
                    .isEqualTo(java.time.Duration.ofSeconds(1));
        }

        @Test
        void an_instance_without_an_id_is_named_after_its_host_anew_at_each_start() {
            InstanceSettings settings = loader.load(null, Map.of(), Map.of()).instance();

            assertThat(settings.id()).isNull();
            assertThat(settings.lease()).isEqualTo(java.time.Duration.ofSeconds(60));
            assertThat(settings.resolveId()).matches("[a-z0-9.-]+-[0-9a-f]{6}").isNotEqualTo(settings.resolveId());
        }

        @Test
        void a_wrong_type_names_the_key_and_the_expectation() {
            assertThatThrownBy(() -> loader.load(null, Map.of(), Map.of(ConfigKey.SERVER_ACCESS_LOG, "maybe")))
                    .hasMessage("server.access_log: 'maybe' (expected: true or false)");
        }

        @Test
        void an_unsupported_database_url_is_refused_without_its_password() {
            assertThatThrownBy(() ->
                            loader.load(null, Map.of("TVARR_DATABASE_URL", "jdbc:oracle://u:hunter2@db/x"), Map.of()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("database.url:")
                    .hasMessageNotContaining("hunter2");
        }

        @Test
        void broken_yaml_names_the_file_and_line() throws IOException {
            Path file = yaml("server:\n  port: [1,\n");

            assertThatThrownBy(() -> loader.load(file, Map.of(), Map.of()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("tvarr.yaml:")
                    .hasMessageContaining("not valid YAML");
        }

        @Test
        void a_missing_config_file_is_named() {
            assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), Map.of(), Map.of()))
                    .hasMessageContaining("nope.yaml does not exist");
        }
    }
}
