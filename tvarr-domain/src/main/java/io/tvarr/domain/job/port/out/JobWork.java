package io.tvarr.domain.job.port.out;

import java.util.Map;

/**
 * What a job of one kind does to its target: ingest a source, generate a proxy, clean up. Given to the queue per
 * {@link io.tvarr.domain.job.JobKind}; the assembly wires each kind to the use case that does the work.
 */
@FunctionalInterface
public interface JobWork {
    /**
     * Runs the job on the calling worker thread, which is interrupted when the job is cancelled.
     *
     * @param target the job's target as stored (a source, guide or proxy id, or a fixed name)
     * @return summary counts to store with the job, such as {@code records}
     * @throws RuntimeException when the work failed; the queue decides whether to try again
     */
    Map<String, Long> run(String target);
}
