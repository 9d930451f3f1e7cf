package io.tvarr.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.filter.ExpressionProblem;
import org.junit.jupiter.api.Test;

class ExpressionCheckTest {
    @Test
    void marks_the_character_at_the_problems_column() {
        ExpressionCheck check = new ExpressionCheck(
                "group_title contians \"UK\"", new ExpressionProblem("expected an operator", 13, "^"), null);

        assertThat(check.before()).isEqualTo("group_title ");
        assertThat(check.marked()).isEqualTo("c");
        assertThat(check.after()).isEqualTo("ontians \"UK\"");
    }

    @Test
    void marks_a_space_after_the_end_when_something_is_missing() {
        ExpressionCheck check =
                new ExpressionCheck("group_title contains", new ExpressionProblem("expected a value", 21, "^"), null);

        assertThat(check.before()).isEqualTo("group_title contains");
        assertThat(check.marked()).isEqualTo(" ");
        assertThat(check.after()).isEmpty();
    }
}
