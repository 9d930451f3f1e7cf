package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    @Test
    void the_text_form_never_shows_the_password_nor_one_in_the_url() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db.example/tvarr?user=app&password=s3cretUrl",
                "app",
                "s3cretPw",
                8,
                1000,
                5000,
                1000);

        assertThat(settings.toString())
                .contains("db.example", "app", "maxPoolSize=8")
                .doesNotContain("s3cret");
    }
}
