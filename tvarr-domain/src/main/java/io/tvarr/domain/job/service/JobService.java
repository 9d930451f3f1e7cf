package io.tvarr.domain.job.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.port.in.ReadIngestionStatusUseCase;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobProgress;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.ScheduledTarget;
import io.tvarr.domain.job.port.in.ManageJobsUseCase;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.source.SourceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The job use cases over the queue, the scheduler and the stores; checks a target exists before queueing it. */
public final class JobService implements ManageJobsUseCase {
    private final JobQueue queue;
    private final JobScheduler scheduler;
    private final ReadIngestionStatusUseCase ingestions;
    private final JobScheduler.Targets targets;

    public JobService(
            JobQueue queue,
            JobScheduler scheduler,
            JobScheduler.Targets targets,
            ReadIngestionStatusUseCase ingestions) {
        this.queue = queue;
        this.scheduler = scheduler;
        this.targets = targets;
        this.ingestions = ingestions;
    }

    @Override
    public Page<Job> list(@Nullable JobState state, @Nullable JobKind kind, int page, int size) {
        if (size < 1 || size > 500) {
            throw new ValidationException("size: " + size + " (expected: 1-500)");
        }
        if (page < 0) {
            throw new ValidationException("page: " + page + " (expected: 0 or more)");
        }
        return targets.jobs().findPage(state, kind, page, size);
    }

    @Override
    public Job get(JobId id) {
        Job live = queue.live(id);
        if (live != null) {
            return live;
        }
        return targets.jobs().findById(id).orElseThrow(() -> new NotFoundException("job " + id + ": not found"));
    }

    /**
     * A running job's progress: measured here when it runs here, else as the instance running it last stored it
     * (at its heartbeat, {@link #shareProgress()}).
     */
    @Override
    public JobProgress progress(Job job) {
        if (job.state() != JobState.RUNNING) {
            return JobProgress.NONE;
        }
        if (queue.instance().shared() && queue.live(job.id()) == null) {
            return targets.jobs().findProgress(job.id()).orElse(JobProgress.NONE);
        }
        return localProgress(job);
    }

    /**
     * Stores the progress of the jobs running here, for the other instances on the store to show; called at each
     * heartbeat, which is what keeps these writes few (one per running job per heartbeat).
     */
    public void shareProgress() {
        for (Job running : queue.runningHere()) {
            JobProgress progress = localProgress(running);
            if (!progress.equals(JobProgress.NONE)) {
                targets.jobs().saveProgress(running.id(), queue.instance().id(), progress);
            }
        }
    }

    private JobProgress localProgress(Job job) {
        if (job.kind() != JobKind.SOURCE_INGEST && job.kind() != JobKind.EPG_INGEST) {
            return JobProgress.NONE;
        }
        IngestionStatus status = ingestions.status(
                job.kind() == JobKind.SOURCE_INGEST
                        ? new IngestionTarget.ChannelSource(SourceId.parse(job.target()))
                        : new IngestionTarget.GuideSource(EpgSourceId.parse(job.target())));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("bytes_read", status.bytesRead());
        counts.put("records_read", status.entriesRead());
        return new JobProgress(null, counts);
    }

    @Override
    public Job cancel(JobId id) {
        return queue.cancel(id);
    }

    @Override
    public Job submit(JobKind kind, String target) {
        switch (kind) {
            case SOURCE_INGEST, HEALTH_CHECK ->
                require(targets.sources().findById(SourceId.parse(target)).isPresent(), "source", target);
            case EPG_INGEST ->
                require(targets.guides().findById(EpgSourceId.parse(target)).isPresent(), "EPG source", target);
            case PROXY_GENERATE ->
                require(targets.proxies().findById(ProxyId.parse(target)).isPresent(), "proxy", target);
            case LOGO_CLEANUP -> {
                return queue.submit(kind, fixed(target, JobScheduler.LOGOS_TARGET));
            }
            case HISTORY_CLEANUP -> {
                return queue.submit(kind, fixed(target, JobScheduler.HISTORY_TARGET));
            }
        }
        return queue.submit(kind, target);
    }

    @Override
    public List<ScheduledTarget> schedule() {
        return scheduler.schedule();
    }

    private static void require(boolean exists, String what, String target) {
        if (!exists) {
            throw new ValidationException("target: " + what + " " + target + " does not exist");
        }
    }

    private static String fixed(String target, String expected) {
        if (!target.isEmpty() && !target.equals(expected)) {
            throw new ValidationException("target: '" + target + "' (expected: '" + expected + "' or nothing)");
        }
        return expected;
    }
}
