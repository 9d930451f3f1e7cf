package io.tvarr.domain.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTest {
    private static final Instant NOW = Instant.parse("2026-02-01T08:00:00Z");

    @Test
    void a_failure_keeps_its_reason_with_credentials_in_urls_masked() {
        Job running = Job.queued(JobKind.SOURCE_INGEST, "s1", NOW).start(NOW, "i1");

        Job failed = running.fail(NOW, "http://bob:s3cret@h.example/get.php?username=bob&password=s3cret: http 401");

        assertThat(failed.error()).isEqualTo("http://***@h.example/get.php?username=***&password=***: http 401");
    }

    @Test
    void an_error_read_back_from_an_older_store_is_masked_too() {
        Job stored = new Job(
                JobId.random(),
                JobKind.EPG_INGEST,
                "g1",
                JobState.FAILED,
                1,
                NOW,
                NOW,
                NOW,
                "http://h.example/live/bob/s3cret/1.ts refused",
                Map.of(),
                null);

        assertThat(stored.error()).isEqualTo("http://h.example/live/***/***/1.ts refused");
    }
}
