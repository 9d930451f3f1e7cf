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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Jobs in a map, newest first like the real store; thread-safe because queue workers store concurrently. */
final class InMemoryJobRepository implements JobRepository {
    private final Map<JobId, Job> byId = new LinkedHashMap<>();

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
