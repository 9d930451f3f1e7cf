package io.tvarr.http.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.port.in.WatchJobsUseCase;
import io.tvarr.http.HttpSettings;
import io.tvarr.http.TvarrHttpServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The job event stream and the server's life: no event may be sent into a server that has stopped. */
class JobEventStreamIT {
    /** The queue's watch list, as the domain keeps it. */
    private static final class Watchers implements WatchJobsUseCase {
        final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

        @Override
        public Subscription subscribe(Listener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void changed(Job job) {
            listeners.forEach(l -> l.changed(job));
        }
    }

    @Test
    void closing_the_server_ends_the_streams_watch_of_the_jobs_before_a_job_can_change_into_it() throws Exception {
        Watchers watchers = new Watchers();
        JobEventStream events = new JobEventStream(watchers);
        TvarrHttpServer server =
                new TvarrHttpServer(new HttpSettings("127.0.0.1", 0, List.of(), true), List.of(events)).start();
        HttpResponse<InputStream> listening = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (events.listeners() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(events.listeners()).isEqualTo(1);

        server.close();

        assertThat(watchers.listeners).as("the stream still watches the jobs").isEmpty();
        assertThat(events.listeners()).isZero();
        // a job finishing while tvarr stops reaches no client of the stopped server
        watchers.changed(Job.queued(JobKind.LOGO_CLEANUP, "logos", Instant.now()));
        listening.body().close();
    }
}
