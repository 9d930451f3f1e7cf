package io.tvarr.domain.job.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.out.JobRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Jobs in a map, newest first like the real store; thread-safe because queue workers store concurrently. */
final class InMemoryJobRepository implements JobRepository {
    private final Map<JobId, Job> byId = new LinkedHashMap<>();
    private final Map<JobId, Instant> leases = new HashMap<>();
    private final Set<JobId> cancelRequests = new HashSet<>();
    private final Set<String> slots = new HashSet<>();
    private final Map<JobId, io.tvarr.domain.job.JobProgress> progress = new HashMap<>();

    @Override
    public synchronized void saveProgress(JobId id, String instance, io.tvarr.domain.job.JobProgress now) {
        Job job = byId.get(id);
        if (job != null && job.state() == JobState.RUNNING && instance.equals(job.instance())) {
            progress.put(id, now);
        }
    }

    @Override
    public synchronized Optional<io.tvarr.domain.job.JobProgress> findProgress(JobId id) {
        return Optional.ofNullable(progress.get(id));
    }

    @Override
    public synchronized void insert(Job job) {
        byId.put(job.id(), job);
    }

    @Override
    public synchronized void update(Job job) {
        if (byId.replace(job.id(), job) == null) {
            throw new NotFoundException("job " + job.id() + ": not found");
        }
    }

    @Override
    public synchronized Optional<Job> findById(JobId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Page<Job> findPage(@Nullable JobState state, @Nullable JobKind kind, int page, int size) {
        List<Job> matching = newestFirst().stream()
                .filter(job -> state == null || job.state() == state)
                .filter(job -> kind == null || job.kind() == kind)
                .toList();
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page<>(matching.subList(from, to), page, size, matching.size());
    }

    @Override
    public synchronized List<Job> findByState(JobState state) {
        return byId.values().stream().filter(job -> job.state() == state).toList();
    }

    @Override
    public synchronized Optional<Job> findLatest(JobKind kind, String target) {
        return newestFirst().stream()
                .filter(job -> job.kind() == kind && job.target().equals(target))
                .findFirst();
    }

    @Override
    public synchronized Optional<Job> findQueued(String target) {
        return byId.values().stream()
                .filter(job -> job.state() == JobState.QUEUED && job.target().equals(target))
                .findFirst();
    }

    @Override
    public synchronized Optional<Job> claimNext(
            String instance, Instant now, Instant leaseUntil, Set<String> busyTargets) {
        Set<String> runningTargets = new HashSet<>(busyTargets);
        byId.values().stream()
                .filter(job -> job.state() == JobState.RUNNING)
                .forEach(job -> runningTargets.add(job.target()));
        Optional<Job> next = byId.values().stream()
                .filter(job -> job.state() == JobState.QUEUED && !runningTargets.contains(job.target()))
                .min(Comparator.comparing(Job::createdAt));
        next.ifPresent(job -> {
            Job started = job.start(now, instance);
            byId.put(job.id(), started);
            leases.put(job.id(), leaseUntil);
        });
        return next.map(job -> byId.get(job.id()));
    }

    @Override
    public synchronized LeaseRenewal renewLeases(String instance, Collection<JobId> running, Instant leaseUntil) {
        Set<JobId> cancel = new HashSet<>();
        Set<JobId> lost = new HashSet<>();
        for (JobId id : running) {
            Job job = byId.get(id);
            if (job == null || job.state() != JobState.RUNNING || !instance.equals(job.instance())) {
                lost.add(id);
                continue;
            }
            leases.put(id, leaseUntil);
            if (cancelRequests.contains(id)) {
                cancel.add(id);
            }
        }
        return new LeaseRenewal(cancel, lost);
    }

    @Override
    public synchronized List<Job> findLeaseExpired(Instant now) {
        return byId.values().stream()
                .filter(job -> job.state() == JobState.RUNNING && expired(job.id(), now))
                .toList();
    }

    @Override
    public synchronized boolean expire(Job ended, Instant now) {
        Job stored = byId.get(ended.id());
        if (stored == null || stored.state() != JobState.RUNNING || !expired(ended.id(), now)) {
            return false;
        }
        byId.put(ended.id(), ended);
        return true;
    }

    @Override
    public synchronized boolean updateIf(Job job, JobState expected) {
        Job stored = byId.get(job.id());
        if (stored == null || stored.state() != expected) {
            return false;
        }
        byId.put(job.id(), job);
        return true;
    }

    @Override
    public synchronized boolean requestCancel(JobId id) {
        Job stored = byId.get(id);
        if (stored == null || stored.state() != JobState.RUNNING) {
            return false;
        }
        cancelRequests.add(id);
        return true;
    }

    @Override
    public synchronized boolean claimSlot(JobKind kind, String target, Instant slot, String instance) {
        return slots.add(kind + ":" + target + ":" + slot);
    }

    /** Lets a test end a job's lease, as if its instance stopped renewing it. */
    synchronized void endLease(JobId id) {
        leases.put(id, Instant.MIN);
    }

    private boolean expired(JobId id, Instant now) {
        Instant lease = leases.get(id);
        return lease == null || lease.isBefore(now);
    }

    @Override
    public synchronized long deleteFinishedBefore(Instant cutoff) {
        int before = byId.size();
        byId.values()
                .removeIf(job -> job.state().isFinal()
                        && job.finishedAt() != null
                        && job.finishedAt().isBefore(cutoff));
        return before - byId.size();
    }

    /** By creation time, the later inserted first among equals. */
    private List<Job> newestFirst() {
        List<Job> jobs = new ArrayList<>(byId.values());
        java.util.Collections.reverse(jobs);
        jobs.sort(Comparator.comparing(Job::createdAt).reversed());
        return jobs;
    }
}
