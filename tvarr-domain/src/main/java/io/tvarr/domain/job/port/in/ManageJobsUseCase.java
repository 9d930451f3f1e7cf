package io.tvarr.domain.job.port.in;

import io.tvarr.domain.Page;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobProgress;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.ScheduledTarget;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The job queue as users see it: history, progress, cancelling, running now, and what is scheduled. */
public interface ManageJobsUseCase {
    Page<Job> list(@Nullable JobState state, @Nullable JobKind kind, int page, int size);

    Job get(JobId id);

    /** Progress of a running job; {@link JobProgress#NONE} otherwise. */
    JobProgress progress(Job job);

    /** Cancels a queued job at once, a running one as soon as its work stops. */
    Job cancel(JobId id);

    /** Queues a job now; an already queued job for the same target is returned instead of a second one. */
    Job submit(JobKind kind, String target);

    List<ScheduledTarget> schedule();
}
