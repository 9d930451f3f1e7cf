package io.tvarr.ingest.xtream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.XtreamAccount;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.fetch.LocalHttp;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XtreamApiAccountReaderIT {
    private static final Credentials LOGIN = new Credentials("alice", "s3cret");

    private final LocalHttp panel = new LocalHttp();
    private final AtomicReference<String> answer = new AtomicReference<>("{}");
    private final XtreamApiAccountReader reader =
            new XtreamApiAccountReader(new HttpSourceFetcher(FetchSettings.defaults(List.of())));

    XtreamApiAccountReaderIT() {
        panel.on("/player_api.php", ex -> LocalHttp.send(ex, 200, answer.get()));
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    @Test
    void reads_status_expiry_and_connections_numbers_sent_as_strings_included() {
        answer.set("{\"user_info\":{\"auth\":1,\"status\":\"Active\",\"exp_date\":\"1924992000\","
                + "\"max_connections\":\"2\",\"active_cons\":1,\"is_trial\":\"1\"},\"server_info\":{}}");

        XtreamAccount account = reader.read(panel.uri("/"), LOGIN, null);

        assertThat(account).isEqualTo(new XtreamAccount("Active", Instant.parse("2031-01-01T00:00:00Z"), 2, 1, true));
        assertThat(panel.requests).anySatisfy(r -> assertThat(r).contains("username=alice"));
    }

    @Test
    void an_account_without_expiry_or_limits_has_none() {
        answer.set("{\"user_info\":{\"auth\":1,\"status\":\"Active\",\"exp_date\":null}}");

        XtreamAccount account = reader.read(panel.uri("/player_api.php"), LOGIN, null);

        assertThat(account.expiresAt()).isNull();
        assertThat(account.maxConnections()).isNull();
        assertThat(account.active()).isTrue();
    }

    @Test
    void a_refused_login_is_a_refused_upstream_naming_the_user() {
        answer.set("{\"user_info\":{\"auth\":0}}");

        assertThatThrownBy(() -> reader.read(panel.uri("/"), LOGIN, null))
                .isInstanceOf(RefusedUpstreamException.class)
                .hasMessageContaining("'alice'")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void urls_the_fetcher_refuses_are_refused_here_too() {
        assertThatThrownBy(() -> reader.read(URI.create("file:///etc/"), LOGIN, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> reader.read(URI.create("http://127.0.0.1:1/"), LOGIN, null))
                .isInstanceOf(UpstreamException.class);
    }
}
