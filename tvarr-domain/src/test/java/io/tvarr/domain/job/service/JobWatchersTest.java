package io.tvarr.domain.job.service;

import static io.tvarr.domain.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.port.in.WatchJobsUseCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobWatchersTest {
    private final JobWatchers watchers = new JobWatchers();
    private final Job job = Job.queued(JobKind.SOURCE_INGEST, "s1", T0);

    @Test
    void every_subscriber_is_told_of_a_change() {
        List<Job> first = new ArrayList<>();
        List<Job> second = new ArrayList<>();
        watchers.subscribe(first::add);
        watchers.subscribe(second::add);

        watchers.changed(job);

        assertThat(first).containsExactly(job);
        assertThat(second).containsExactly(job);
    }

    @Test
    void a_closed_subscription_hears_nothing_more_and_closing_twice_is_harmless() {
        List<Job> heard = new ArrayList<>();
        WatchJobsUseCase.Subscription subscription = watchers.subscribe(heard::add);

        subscription.close();
        subscription.close();
        watchers.changed(job);

        assertThat(heard).isEmpty();
    }

    @Test
    void a_failing_subscriber_does_not_keep_the_change_from_the_others() {
        List<Job> heard = new ArrayList<>();
        watchers.subscribe(changed -> {
            throw new IllegalStateException("client gone");
        });
        watchers.subscribe(heard::add);

        watchers.changed(job);

        assertThat(heard).containsExactly(job);
    }
}
