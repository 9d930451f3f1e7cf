package io.tvarr.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StageOutcomeTest {
    @Nested
    class Kept {
        @Test
        void carries_the_record_to_pass_on() {
            StageOutcome<String> outcome = StageOutcome.kept("BBC One");

            assertThat(outcome).isEqualTo(new StageOutcome.Kept<>("BBC One"));
            assertThat(outcome).isInstanceOf(StageOutcome.Kept.class);
        }
    }

    @Nested
    class Dropped {
        @Test
        void carries_the_reason_instead_of_a_record() {
            StageOutcome<String> outcome = StageOutcome.dropped("duplicate_stream_url");

            assertThat(outcome).isEqualTo(new StageOutcome.Dropped<>("duplicate_stream_url"));
            assertThat(outcome).isInstanceOf(StageOutcome.Dropped.class);
        }

        @Test
        void refuses_a_blank_reason() {
            assertThatThrownBy(() -> StageOutcome.dropped(" "))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("reason");
        }
    }
}
