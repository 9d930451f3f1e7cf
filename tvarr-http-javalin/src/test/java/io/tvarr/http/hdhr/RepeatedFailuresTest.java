package io.tvarr.http.hdhr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {
    private final RepeatedFailures failures = new RepeatedFailures();

    @Test
    void a_failure_is_news_once_until_its_reason_changes() {
        assertThat(failures.failed("Invalid argument")).isTrue();
        assertThat(failures.failed("Invalid argument")).isFalse();
        assertThat(failures.failed("Invalid argument")).isFalse();
        assertThat(failures.failed("Network is unreachable")).isTrue();
    }

    @Test
    void a_success_after_failures_is_a_recovery_and_the_next_failure_is_news_again() {
        assertThat(failures.succeeded()).isFalse();
        failures.failed("Invalid argument");

        assertThat(failures.succeeded()).isTrue();
        assertThat(failures.succeeded()).isFalse();
        assertThat(failures.failed("Invalid argument")).isTrue();
    }
}
