package io.tvarr.domain.job.port.out;

import io.tvarr.domain.job.Job;

/** Told of every job state change, for live views. Must return quickly and never throw. */
@FunctionalInterface
public interface JobEvents {
    JobEvents NONE = job -> {};

    void changed(Job job);
}
