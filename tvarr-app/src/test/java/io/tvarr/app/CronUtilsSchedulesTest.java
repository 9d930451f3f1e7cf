package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronUtilsSchedulesTest {
    private final CronUtilsSchedules cron = new CronUtilsSchedules(ZoneOffset.UTC);
    private final Instant at = Instant.parse("2026-03-01T10:17:00Z");

    @Test
    void five_field_expressions_give_the_next_and_previous_slot() {
        assertThat(cron.next("0 */6 * * *", at)).contains(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(cron.previous("0 */6 * * *", at)).contains(Instant.parse("2026-03-01T06:00:00Z"));
    }

    @Test
    void shorthands_are_understood() {
        assertThat(cron.next("@hourly", at)).contains(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(cron.next("@daily", at)).contains(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(cron.next("@WEEKLY", at)).isPresent();
    }

    @Test
    void invalid_expressions_are_refused_naming_the_field_and_what_is_wrong() {
        assertThatThrownBy(() -> cron.validate("schedule", "every day"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("schedule: 'every day'")
                .hasMessageContaining("5 fields");
        assertThatThrownBy(() -> cron.validate("schedule", "61 * * * *"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("is not valid cron");
        assertThatThrownBy(() -> cron.validate("schedule", "@sometimes"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a known shorthand");
        assertThatThrownBy(() -> cron.validate("schedule", "0 0 * * * *")).hasMessageContaining("5 fields");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void a_schedule_that_never_fires_is_refused_and_a_leap_day_is_not() {
        assertThatThrownBy(() -> cron.validate("schedule", "0 0 30 2 *"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("schedule: '0 0 30 2 *' never fires (no date matches it, such as the 30th of February)");
        assertThatThrownBy(() -> cron.validate("schedule", "0 0 31 4 *")).hasMessageContaining("never fires");
        cron.validate("schedule", "0 0 29 2 *");
    }
}
