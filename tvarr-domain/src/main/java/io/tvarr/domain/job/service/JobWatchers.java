package io.tvarr.domain.job.service;

import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.port.in.WatchJobsUseCase;
import io.tvarr.domain.job.port.out.JobEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every job change the queue announces to whoever watches right now, such as the live event stream.
 * Thread-safe; listeners are called on the thread that changed the job.
 */
public final class JobWatchers implements WatchJobsUseCase, JobEvents {
    private static final Logger log = LoggerFactory.getLogger(JobWatchers.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(Listener listener) {
        Listener subscribed = listener::changed;
        listeners.add(subscribed);
        return () -> listeners.remove(subscribed);
    }

    @Override
    public void changed(Job job) {
        for (Listener listener : listeners) {
            try {
                listener.changed(job);
            } catch (RuntimeException e) {
                // one broken view must not stop the queue or the other views
                log.warn("job listener failed job_id={} reason={}", job.id(), e.toString());
            }
        }
    }
}
