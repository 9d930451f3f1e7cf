package io.tvarr.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.ValidationException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormErrorsTest {
    private static final Set<String> FIELDS = Set.of("name", "url");

    @Test
    void a_message_naming_a_field_of_the_form_is_shown_at_that_field() {
        FormErrors errors = FormErrors.of(new ValidationException("url: 'htp://x' (expected: an http URL)"), FIELDS);

        assertThat(errors.of("url")).isEqualTo("url: 'htp://x' (expected: an http URL)");
        assertThat(errors.of("name")).isNull();
        assertThat(errors.general()).isNull();
    }

    @Test
    void a_message_about_no_field_of_the_form_is_shown_above_it() {
        FormErrors errors = FormErrors.of(new ValidationException("schedule: '* *' (expected: 5 fields)"), FIELDS);

        assertThat(errors.byField()).isEmpty();
        assertThat(errors.general()).isEqualTo("schedule: '* *' (expected: 5 fields)");
    }

    @Test
    void a_message_without_a_field_is_shown_above_the_form() {
        FormErrors errors = FormErrors.of(new ValidationException("a source with this name exists"), FIELDS);

        assertThat(errors.general()).isEqualTo("a source with this name exists");
        assertThat(errors.any()).isTrue();
        assertThat(FormErrors.NONE.any()).isFalse();
    }
}
