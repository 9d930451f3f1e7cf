package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite lets one writer at a time; a long ingestion holds the write lock for longer than the busy timeout. A job's
 * state must still be stored once the lock is free: a generation that succeeded was once stored as failed.
 */
class SqliteBusyIT {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_job_state_write_outlasts_a_writer_holding_the_lock_past_the_busy_timeout() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("busy.db");
        DatabaseSettings settings = new DatabaseSettings(url, null, null, 4, 7, 11, 5, Duration.ofMillis(100));
        try (JdbiPersistence store = JdbiPersistence.open(settings)) {
            store.migrate();
            Job job = Job.queued(JobKind.PROXY_GENERATE, "proxy", T0);
            store.jobs().insert(job);
            Job succeeded = job.start(T0.plusSeconds(1), "i1").succeed(T0.plusSeconds(2), java.util.Map.of());

            try (Connection ingestion = DriverManager.getConnection(url);
                    Statement statement = ingestion.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                statement.execute("UPDATE job SET error = 'held' WHERE 1 = 0");
                CompletableFuture<Void> release = CompletableFuture.runAsync(
                        () -> {
                            try {
                                statement.execute("COMMIT");
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));

                store.jobs().update(succeeded);
                release.get(10, TimeUnit.SECONDS);
            }

            assertThat(store.jobs().findById(job.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        }
    }
}
