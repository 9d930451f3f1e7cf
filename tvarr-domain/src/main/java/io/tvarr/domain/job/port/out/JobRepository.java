package io.tvarr.domain.job.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Stores jobs and their history. */
public interface JobRepository {
    void insert(Job job);

    void update(Job job);

    Optional<Job> findById(JobId id);

    /** Jobs newest first, optionally filtered by state and kind. */
    Page<Job> findPage(@Nullable JobState state, @Nullable JobKind kind, int page, int size);

    List<Job> findByState(JobState state);

    /** The most recently created job of this kind for this target. */
    Optional<Job> findLatest(JobKind kind, String target);

    /** Deletes finished jobs that ended before {@code cutoff}; returns how many. */
    long deleteFinishedBefore(Instant cutoff);
}
