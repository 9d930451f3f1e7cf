package io.tvarr.domain.source.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.XtreamAccount;
import io.tvarr.domain.source.XtreamAccountCheck;
import io.tvarr.domain.source.port.in.TestXtreamAccountCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XtreamAccountTesterTest {
    private static final TestXtreamAccountCommand LOGIN =
            TestXtreamAccountCommand.of("http://panel.example:8080", "alice", "s3cret", null);

    @Test
    void answers_the_account_the_panel_describes() {
        XtreamAccount account = new XtreamAccount("Active", Instant.parse("2031-01-01T00:00:00Z"), 2, 1, false);

        XtreamAccountCheck check = new XtreamAccountTester((url, login, agent) -> account).test(LOGIN);

        assertThat(check.found()).contains(account);
        assertThat(check.problem()).isNull();
    }

    @Test
    void a_refused_login_is_an_answer_with_the_password_masked() {
        XtreamAccountCheck check = new XtreamAccountTester((url, login, agent) -> {
                    throw new RefusedUpstreamException(
                            "http://panel.example:8080/player_api.php?username=alice&password=s3cret: http 401");
                })
                .test(LOGIN);

        assertThat(check.found()).isEmpty();
        assertThat(check.problem()).contains("http 401").doesNotContain("s3cret");
    }

    @Test
    void a_url_tvarr_does_not_fetch_is_refused_at_the_url_field() {
        assertThatThrownBy(() -> TestXtreamAccountCommand.of("ftp://panel.example/", "alice", "p", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("url:");
        assertThatThrownBy(() -> TestXtreamAccountCommand.of("http://panel.example/", " ", "p", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("username:");
    }

    @Test
    void the_command_never_shows_the_password() {
        assertThat(LOGIN.toString()).doesNotContain("s3cret");
    }
}
