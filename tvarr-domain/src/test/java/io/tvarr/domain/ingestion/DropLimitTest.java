package io.tvarr.domain.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import org.junit.jupiter.api.Test;

class DropLimitTest {
    private final DropLimit half = DropLimit.DEFAULT;

    @Test
    void the_default_allows_a_drop_of_half() {
        assertThat(half.maxDropPercent()).isEqualTo(50);
        assertThat(half.objection(1000, 500, "channels")).isEmpty();
        assertThat(half.objection(1000, 499, "channels")).isPresent();
    }

    @Test
    void a_big_drop_names_what_would_be_kept() {
        assertThat(half.objection(1000, 12, "channels"))
                .contains("would keep 12 of 1,000 channels (\u221299 %, more than the 50 % allowed):"
                        + " previous data kept; accept to apply");
    }

    @Test
    void growth_and_a_first_yield_are_fine() {
        assertThat(half.objection(10, 30, "programmes")).isEmpty();
        assertThat(half.objection(0, 1, "programmes")).isEmpty();
    }

    @Test
    void nothing_always_needs_confirmation_even_without_limit() {
        DropLimit none = new DropLimit(100);

        assertThat(none.objection(1000, 1, "channels")).isEmpty();
        assertThat(none.objection(1000, 0, "channels"))
                .contains("yielded no channels where 1,000 are stored: previous data kept; accept to apply");
        assertThat(none.objection(0, 0, "programmes"))
                .contains("yielded no programmes: nothing stored; accept to store an empty source");
    }

    @Test
    void the_limit_is_a_percentage() {
        assertThatThrownBy(() -> new DropLimit(101))
                .isInstanceOf(ValidationException.class)
                .hasMessage("max_drop_percent: 101 (expected: 0-100)");
        assertThatThrownBy(() -> new DropLimit(-1)).isInstanceOf(ValidationException.class);
    }
}
