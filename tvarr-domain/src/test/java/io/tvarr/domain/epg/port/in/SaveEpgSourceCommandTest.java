package io.tvarr.domain.epg.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SaveEpgSourceCommandTest {
    @Test
    void the_text_form_shows_neither_the_password_nor_credentials_in_the_url() {
        SaveEpgSourceCommand command =
                SaveEpgSourceCommand.xtream("G", "http://bob:s3cret@h.example/", "bob", "s3cret");

        assertThat(command.toString()).contains("G", "h.example", "bob").doesNotContain("s3cret");
    }
}
