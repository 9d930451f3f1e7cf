package io.tvarr.domain.job.port.in;

import io.tvarr.domain.job.Job;

/** Live job changes for views that follow the queue as it works. */
public interface WatchJobsUseCase {
    /**
     * Tells the listener of every job state change from now on, until the returned subscription is closed.
     * Several listeners may watch at once; one that throws is logged and kept.
     */
    Subscription subscribe(Listener listener);

    /** Told of a job's new state. Runs on the thread that changed the job, so it must return quickly. */
    @FunctionalInterface
    interface Listener {
        void changed(Job job);
    }

    /** Ends a subscription; closing twice is harmless. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
