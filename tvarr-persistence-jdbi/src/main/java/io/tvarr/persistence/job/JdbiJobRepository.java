package io.tvarr.persistence.job;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobProgress;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.out.JobRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.Rows;
import io.tvarr.persistence.sql.SqlFailures;
import io.tvarr.persistence.sql.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/** Jobs and their history in table {@code job}. */
public final class JdbiJobRepository implements JobRepository {
    /** A job's state outlives any ingestion's write lock: losing it would store a finished job as failed. */
    private static final Duration STATE_WRITE_PATIENCE = Duration.ofMinutes(10);

    private static final String SELECT = "SELECT id, kind, target, state, attempts, created_at, started_at,"
            + " finished_at, error, summary, instance FROM job";

    /** Every stored field of a job; running_target is the target while the job runs, else NULL (unique index). */
    private static final String SET = "kind = :kind, target = :target, state = :state, attempts = :attempts,"
            + " created_at = :created_at, started_at = :started_at, finished_at = :finished_at, error = :error,"
            + " summary = :summary, instance = :instance, running_target = :running_target";

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
                                        + " started_at, finished_at, error, summary, instance, running_target) VALUES"
                                        + " (:id, :kind, :target, :state, :attempts, :created_at, :started_at,"
                                        + " :finished_at, :error, :summary, :instance, :running_target)"),
                                job)
                        .execute());
    }

    @Override
    public void update(Job job) {
        int rows = db.withHandleOutlastingBusy(
                STATE_WRITE_PATIENCE,
                h -> bind(h.createUpdate("UPDATE job SET " + SET + " WHERE id = :id"), job)
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
    public Optional<Job> findQueued(String target) {
        return db.withHandle(h -> h.createQuery(
                        SELECT + " WHERE target = :target AND state = :queued ORDER BY created_at, id LIMIT 1")
                .bind("target", target)
                .bind("queued", JobState.QUEUED.name())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /**
     * Locks the oldest startable queued row, skipping rows other instances hold locked (PostgreSQL and MariaDB; on
     * SQLite the single writer serialises claims), then starts it only if it is still queued. Two instances racing
     * for two queued jobs of one target both pass the "runs nowhere" test; the unique index on running_target lets
     * one of them through and the other finds nothing to start this time.
     */
    @Override
    public Optional<Job> claimNext(String instance, Instant now, Instant leaseUntil, Set<String> busyTargets) {
        String lock = db.vendor() == Vendor.SQLITE ? "" : " FOR UPDATE SKIP LOCKED";
        String busy = busyTargets.isEmpty() ? "" : " AND q.target NOT IN (<busy>)";
        try {
            return db.withHandleOutlastingBusy(
                    STATE_WRITE_PATIENCE,
                    h -> h.inTransaction(tx -> {
                        var query = tx.createQuery("SELECT q.id FROM job q WHERE q.state = :queued" + busy
                                        + " AND NOT EXISTS (SELECT 1 FROM job r WHERE r.target = q.target AND r.state = :running)"
                                        + " ORDER BY q.created_at, q.id LIMIT 1" + lock)
                                .bind("queued", JobState.QUEUED.name())
                                .bind("running", JobState.RUNNING.name());
                        if (!busyTargets.isEmpty()) {
                            query.bindList("busy", List.copyOf(busyTargets));
                        }
                        Optional<String> id = query.mapTo(String.class).findOne();
                        if (id.isEmpty()) {
                            return Optional.<Job>empty();
                        }
                        Job queued = tx.createQuery(SELECT + " WHERE id = :id")
                                .bind("id", id.get())
                                .map((rs, ctx) -> map(rs))
                                .one();
                        Job started = queued.start(now, instance);
                        int rows = bind(
                                        tx.createUpdate("UPDATE job SET " + SET + ", lease_until = :lease_until,"
                                                + " cancel_requested = 0 WHERE id = :id AND state = :expected"),
                                        started)
                                .bind("lease_until", leaseUntil.toEpochMilli())
                                .bind("expected", JobState.QUEUED.name())
                                .execute();
                        return rows == 1 ? Optional.of(started) : Optional.<Job>empty();
                    }));
        } catch (StorageException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public LeaseRenewal renewLeases(String instance, Collection<JobId> running, Instant leaseUntil) {
        if (running.isEmpty()) {
            return LeaseRenewal.NOTHING;
        }
        List<String> ids = running.stream().map(JobId::toString).toList();
        return db.withHandleOutlastingBusy(
                STATE_WRITE_PATIENCE,
                h -> h.inTransaction(tx -> {
                    tx.createUpdate("UPDATE job SET lease_until = :lease_until WHERE id IN (<ids>) AND state = :running"
                                    + " AND instance = :instance")
                            .bind("lease_until", leaseUntil.toEpochMilli())
                            .bindList("ids", ids)
                            .bind("running", JobState.RUNNING.name())
                            .bind("instance", instance)
                            .execute();
                    Set<JobId> held = new HashSet<>();
                    Set<JobId> cancel = new HashSet<>();
                    tx.createQuery("SELECT id, cancel_requested FROM job WHERE id IN (<ids>) AND state = :running"
                                    + " AND instance = :instance")
                            .bindList("ids", ids)
                            .bind("running", JobState.RUNNING.name())
                            .bind("instance", instance)
                            .map((rs, ctx) -> {
                                JobId id = JobId.parse(rs.getString("id"));
                                held.add(id);
                                if (rs.getInt("cancel_requested") != 0) {
                                    cancel.add(id);
                                }
                                return id;
                            })
                            .list();
                    Set<JobId> lost = new HashSet<>(running);
                    lost.removeAll(held);
                    return new LeaseRenewal(cancel, lost);
                }));
    }

    @Override
    public List<Job> findLeaseExpired(Instant now) {
        return db.withHandle(h -> h.createQuery(SELECT
                        + " WHERE state = :running AND (lease_until IS NULL OR lease_until < :now)"
                        + " ORDER BY created_at, id")
                .bind("running", JobState.RUNNING.name())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public boolean expire(Job ended, Instant now) {
        return db.withHandleOutlastingBusy(
                        STATE_WRITE_PATIENCE,
                        h -> bind(
                                        h.createUpdate("UPDATE job SET " + SET + ", lease_until = NULL WHERE id = :id"
                                                + " AND state = :running"
                                                + " AND (lease_until IS NULL OR lease_until < :now)"),
                                        ended)
                                .bind("running", JobState.RUNNING.name())
                                .bind("now", now.toEpochMilli())
                                .execute())
                == 1;
    }

    @Override
    public boolean updateIf(Job job, JobState expected) {
        return db.withHandleOutlastingBusy(
                        STATE_WRITE_PATIENCE,
                        h -> bind(
                                        h.createUpdate(
                                                "UPDATE job SET " + SET + " WHERE id = :id AND state = :expected"),
                                        job)
                                .bind("expected", expected.name())
                                .execute())
                == 1;
    }

    @Override
    public void saveProgress(JobId id, String instance, JobProgress progress) {
        db.withHandle(h -> h.createUpdate("UPDATE job SET progress = :progress WHERE id = :id AND state = :running"
                        + " AND instance = :instance")
                .bind("progress", encode(progress))
                .bind("id", id.toString())
                .bind("running", JobState.RUNNING.name())
                .bind("instance", instance)
                .execute());
    }

    @Override
    public Optional<JobProgress> findProgress(JobId id) {
        return db.withHandle(h -> h.createQuery("SELECT progress FROM job WHERE id = :id AND progress IS NOT NULL")
                .bind("id", id.toString())
                .mapTo(String.class)
                .findOne()
                .map(JdbiJobRepository::decode));
    }

    /** {@code percent=40;bytes_read=1024;records_read=12}: percent only when known, counts in their order. */
    private static String encode(JobProgress progress) {
        StringJoiner text = new StringJoiner(";");
        if (progress.percent() != null) {
            text.add("percent=" + progress.percent());
        }
        progress.counts().forEach((key, value) -> text.add(key + "=" + value));
        return text.toString();
    }

    private static JobProgress decode(String text) {
        Integer percent = null;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                continue;
            }
            String key = pair.substring(0, equals);
            try {
                long value = Long.parseLong(pair.substring(equals + 1));
                if (key.equals("percent")) {
                    percent = (int) value;
                } else {
                    counts.put(key, value);
                }
            } catch (NumberFormatException e) {
                // written by another version of tvarr: a count it cannot read is left out, the others still show
            }
        }
        return new JobProgress(percent, counts);
    }

    @Override
    public boolean requestCancel(JobId id) {
        return db.withHandleOutlastingBusy(
                        STATE_WRITE_PATIENCE,
                        h -> h.createUpdate("UPDATE job SET cancel_requested = 1 WHERE id = :id AND state = :running")
                                .bind("id", id.toString())
                                .bind("running", JobState.RUNNING.name())
                                .execute())
                == 1;
    }

    /** The primary key on (kind, target, slot) decides which instance's claim wins. */
    @Override
    public boolean claimSlot(JobKind kind, String target, Instant slot, String instance) {
        try {
            db.withHandleOutlastingBusy(
                    STATE_WRITE_PATIENCE,
                    h -> h.createUpdate("INSERT INTO job_slot (kind, target, slot, instance)"
                                    + " VALUES (:kind, :target, :slot, :instance)")
                            .bind("kind", kind.name())
                            .bind("target", target)
                            .bind("slot", slot.toEpochMilli())
                            .bind("instance", instance)
                            .execute());
            return true;
        } catch (StorageException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public long deleteFinishedBefore(Instant cutoff) {
        return db.withHandle(h -> {
            h.createUpdate("DELETE FROM job_slot WHERE slot < :cutoff")
                    .bind("cutoff", cutoff.toEpochMilli())
                    .execute();
            return h.createUpdate("DELETE FROM job WHERE finished_at IS NOT NULL AND finished_at < :cutoff"
                            + " AND state IN (<final>)")
                    .bind("cutoff", cutoff.toEpochMilli())
                    .bindList(
                            "final",
                            List.of(JobState.SUCCEEDED.name(), JobState.FAILED.name(), JobState.CANCELLED.name()))
                    .execute();
        });
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
                .bind("summary", json.write(job.summary()))
                .bind("instance", job.instance())
                .bind("running_target", job.state() == JobState.RUNNING ? job.target() : null);
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
                json.longMap(rs.getString("summary")),
                rs.getString("instance"));
    }
}
