package io.tvarr.persistence.job;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.out.JobRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/** Jobs and their history in table {@code job}. */
public final class JdbiJobRepository implements JobRepository {
    /** A job's state outlives any ingestion's write lock: losing it would store a finished job as failed. */
    private static final Duration STATE_WRITE_PATIENCE = Duration.ofMinutes(10);

    private static final String SELECT = "SELECT id, kind, target, state, attempts, created_at, started_at,"
            + " finished_at, error, summary FROM job";

    private final Database db;
    private final JsonColumns json;

    public JdbiJobRepository(Database db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void insert(Job job) {
        db.withHandleOutlastingBusy(
                STATE_WRITE_PATIENCE,
                h -> bind(
                                h.createUpdate("INSERT INTO job (id, kind, target, state, attempts, created_at,"
                                        + " started_at, finished_at, error, summary) VALUES (:id, :kind, :target, :state,"
                                        + " :attempts, :created_at, :started_at, :finished_at, :error, :summary)"),
                                job)
                        .execute());
    }

    @Override
    public void update(Job job) {
        int rows = db.withHandleOutlastingBusy(
                STATE_WRITE_PATIENCE,
                h -> bind(
                                h.createUpdate("UPDATE job SET kind = :kind, target = :target,"
                                        + " state = :state, attempts = :attempts, created_at = :created_at,"
                                        + " started_at = :started_at, finished_at = :finished_at, error = :error,"
                                        + " summary = :summary WHERE id = :id"),
                                job)
                        .execute());
        if (rows == 0) {
            throw new NotFoundException("job " + job.id() + ": not found");
        }
    }

    @Override
    public Optional<Job> findById(JobId id) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public Page<Job> findPage(@Nullable JobState state, @Nullable JobKind kind, int page, int size) {
        String where = " WHERE 1 = 1" + (state == null ? "" : " AND state = :state")
                + (kind == null ? "" : " AND kind = :kind");
        return db.withHandle(h -> {
            long total = filter(h.createQuery("SELECT COUNT(*) FROM job" + where), state, kind)
                    .mapTo(Long.class)
                    .one();
            List<Job> jobs = filter(
                            h.createQuery(SELECT + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"),
                            state,
                            kind)
                    .bind("limit", size)
                    .bind("offset", (long) page * size)
                    .map((rs, ctx) -> map(rs))
                    .list();
            return new Page<>(jobs, page, size, total);
        });
    }

    @Override
    public List<Job> findByState(JobState state) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE state = :state ORDER BY created_at, id")
                .bind("state", state.name())
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public Optional<Job> findLatest(JobKind kind, String target) {
        return db.withHandle(h -> h.createQuery(
                        SELECT + " WHERE kind = :kind AND target = :target ORDER BY created_at DESC, id LIMIT 1")
                .bind("kind", kind.name())
                .bind("target", target)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public long deleteFinishedBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate(
                        "DELETE FROM job WHERE finished_at IS NOT NULL AND finished_at < :cutoff AND state IN (<final>)")
                .bind("cutoff", cutoff.toEpochMilli())
                .bindList(
                        "final", List.of(JobState.SUCCEEDED.name(), JobState.FAILED.name(), JobState.CANCELLED.name()))
                .execute());
    }

    private static <S extends SqlStatement<S>> S filter(S statement, @Nullable JobState state, @Nullable JobKind kind) {
        if (state != null) {
            statement.bind("state", state.name());
        }
        if (kind != null) {
            statement.bind("kind", kind.name());
        }
        return statement;
    }

    private Update bind(Update update, Job job) {
        return update.bind("id", job.id().toString())
                .bind("kind", job.kind().name())
                .bind("target", job.target())
                .bind("state", job.state().name())
                .bind("attempts", job.attempts())
                .bind("created_at", job.createdAt().toEpochMilli())
                .bind("started_at", Rows.millis(job.startedAt()))
                .bind("finished_at", Rows.millis(job.finishedAt()))
                .bind("error", job.error())
                .bind("summary", json.write(job.summary()));
    }

    private Job map(ResultSet rs) throws SQLException {
        return new Job(
                JobId.parse(rs.getString("id")),
                JobKind.valueOf(rs.getString("kind")),
                rs.getString("target"),
                JobState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                Rows.instant(rs, "created_at"),
                Rows.nullableInstant(rs, "started_at"),
                Rows.nullableInstant(rs, "finished_at"),
                rs.getString("error"),
                json.longMap(rs.getString("summary")));
    }
}
