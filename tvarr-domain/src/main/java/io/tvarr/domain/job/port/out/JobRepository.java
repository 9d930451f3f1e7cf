package io.tvarr.domain.job.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobProgress;
import io.tvarr.domain.job.JobState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stores jobs and their history, and is the queue shared by every instance on the store: instances claim queued jobs
 * from it, hold running ones under a lease they renew, and take over jobs whose lease ran out.
 */
public interface JobRepository {
    void insert(Job job);

    void update(Job job);

    Optional<Job> findById(JobId id);

    /** Jobs newest first, optionally filtered by state and kind. */
    Page<Job> findPage(@Nullable JobState state, @Nullable JobKind kind, int page, int size);

    List<Job> findByState(JobState state);

    /** The most recently created job of this kind for this target. */
    Optional<Job> findLatest(JobKind kind, String target);

    /** The job queued for this target, if any. */
    Optional<Job> findQueued(String target);

    /**
     * Starts the oldest queued job whose target runs nowhere and is not among {@code busyTargets}: stores it running
     * on {@code instance} (attempts counted, started now) with a lease until {@code leaseUntil}. The row is claimed
     * under a lock other instances skip, so no two instances ever start the same job, and no two jobs of one target
     * run at once.
     */
    Optional<Job> claimNext(String instance, Instant now, Instant leaseUntil, Set<String> busyTargets);

    /** Extends the leases of jobs the instance runs, and says which of them it must stop. */
    LeaseRenewal renewLeases(String instance, Collection<JobId> running, Instant leaseUntil);

    /** Running jobs whose lease ended before {@code now}, or that have none (stored before leases existed). */
    List<Job> findLeaseExpired(Instant now);

    /**
     * Stores {@code ended}, a running job ended because its instance stopped renewing it, only if the stored job is
     * still running under a lease that ended before {@code now}.
     *
     * @return false when its instance renewed it or ended it meanwhile, or another instance took it over first
     */
    boolean expire(Job ended, Instant now);

    /** Stores the job only if the stored one is still in state {@code expected}; false otherwise. */
    boolean updateIf(Job job, JobState expected);

    /**
     * Stores how far a running job is, so every instance can show it; only while the job runs on {@code instance}
     * (a job taken over or ended meanwhile is left as it is).
     */
    void saveProgress(JobId id, String instance, JobProgress progress);

    /** The progress last stored for a job by the instance running it; empty when none was. */
    Optional<JobProgress> findProgress(JobId id);

    /** Asks the instance running this job to cancel it; false when the job is not running. */
    boolean requestCancel(JobId id);

    /** Claims a scheduled run: true only for the first claim of (kind, target, slot) across all instances. */
    boolean claimSlot(JobKind kind, String target, Instant slot, String instance);

    /** Deletes finished jobs that ended before {@code cutoff}, and claims of slots before it; returns how many jobs. */
    long deleteFinishedBefore(Instant cutoff);

    /**
     * What a lease renewal found.
     *
     * @param cancelRequested jobs someone asked to cancel, through any instance
     * @param lost jobs the instance no longer holds: another instance took them over after the lease ran out
     */
    record LeaseRenewal(Set<JobId> cancelRequested, Set<JobId> lost) {
        public static final LeaseRenewal NOTHING = new LeaseRenewal(Set.of(), Set.of());

        public LeaseRenewal {
            cancelRequested = Set.copyOf(cancelRequested);
            lost = Set.copyOf(lost);
        }
    }
}
