package io.tvarr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void a_refused_connection_without_a_message_says_so_instead_of_null() {
        assertThat(Failures.describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(Failures.describe(new IOException(new ConnectException()))).isEqualTo("connection refused");
    }

    @Test
    void timeouts_and_unknown_hosts_are_named() {
        assertThat(Failures.describe(new HttpTimeoutException("request timed out")))
                .isEqualTo("timed out");
        assertThat(Failures.describe(new UnknownHostException("nowhere.example")))
                .isEqualTo("unknown host nowhere.example");
    }

    @Test
    void messages_keep_their_words_without_credentials() {
        assertThat(Failures.describe(new IllegalStateException("http://u:p@h.example/x broke")))
                .isEqualTo("http://***@h.example/x broke");
        assertThat(Failures.describe(new RuntimeException())).isEqualTo("failed without saying why");
    }
}
