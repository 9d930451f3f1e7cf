package io.tvarr.domain.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.source.SourceId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IngestionStatusTest {
    private static final Instant NOW = Instant.parse("2026-02-01T08:00:00Z");
    private final IngestionStatus idle = IngestionStatus.idle(new IngestionTarget.ChannelSource(SourceId.random()));

    @Test
    void a_failure_is_kept_with_credentials_in_urls_masked() {
        IngestionStatus failed = idle.failed(NOW, "http://h.example/get.php?username=bob&password=s3cret: http 500");

        assertThat(failed.lastError()).isEqualTo("http://h.example/get.php?username=***&password=***: http 500");
    }

    @Test
    void a_refresh_awaiting_confirmation_is_kept_with_credentials_in_urls_masked() {
        IngestionStatus unconfirmed = idle.needsConfirmation(NOW, "http://bob:s3cret@h.example/x.m3u: empty playlist");

        assertThat(unconfirmed.lastError()).isEqualTo("http://***@h.example/x.m3u: empty playlist");
    }
}
