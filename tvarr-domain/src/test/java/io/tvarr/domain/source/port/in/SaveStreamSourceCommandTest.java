package io.tvarr.domain.source.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SaveStreamSourceCommandTest {
    @Test
    void the_text_form_shows_neither_the_password_nor_credentials_in_the_url() {
        SaveStreamSourceCommand command =
                SaveStreamSourceCommand.xtream("P", "http://h.example/get.php?password=s3cret", "bob", "s3cret");

        assertThat(command.toString()).contains("P", "h.example", "bob").doesNotContain("s3cret");
    }
}
