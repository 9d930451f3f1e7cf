package io.tvarr.http.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobProgress;
import io.tvarr.domain.job.port.in.WatchJobsUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonMapping;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: Server-Sent Events, one {@code job} event (the job as JSON) per state change, to
 * every connected client. A client that cannot keep up or went away is dropped. Watches the jobs from
 * {@link #register} on until {@link #close}.
 */
public final class JobEventStream implements ApiRoutes, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobEventStream.class);

    private static final String EVENT_STREAM = "text/event-stream";

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = JsonMapping.create();
    private final WatchJobsUseCase jobs;
    private WatchJobsUseCase.@Nullable Subscription subscription;

    public JobEventStream(WatchJobsUseCase jobs) {
        this.jobs = jobs;
    }

    @Override
    public synchronized void register(RoutesConfig routes) {
        routes.before("/api/v1/events", JobEventStream::requireEventStream);
        routes.sse("/api/v1/events", this::connect);
        if (subscription == null) {
            subscription = jobs.subscribe(this::changed);
        }
    }

    /**
     * Javalin's SSE handler answers an empty 200 at once to a request without {@code Accept: text/event-stream};
     * a 406 that says what to send is clearer than that, and than an endless body a JSON client did not ask for.
     */
    private static void requireEventStream(Context ctx) {
        String accept = ctx.header("Accept");
        if (ctx.method() == HandlerType.GET && (accept == null || !accept.contains(EVENT_STREAM))) {
            throw new HttpResponseException(
                    HttpStatus.NOT_ACCEPTABLE.getCode(),
                    "Accept: expected " + EVENT_STREAM + ", found " + (accept == null ? "none" : accept)
                            + " (this is a Server-Sent Events stream; EventSource sends it, with curl use -H)");
        }
    }

    /** Stops watching the jobs; connected clients get no further events. */
    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        clients.clear();
    }

    @OpenApi(
            path = "/api/v1/events",
            methods = HttpMethod.GET,
            summary = "Server-Sent Events: one `job` event (the job as JSON) per job state change",
            description =
                    "Send `Accept: text/event-stream` (browsers' EventSource does); without it the answer is 406.",
            tags = "jobs",
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = @OpenApiContent(type = "text/event-stream", from = JobView.class)),
                @OpenApiResponse(
                        status = "406",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    private void changed(Job job) {
        if (clients.isEmpty()) {
            return;
        }
        String data;
        try {
            data = json.writeValueAsString(JobView.of(job, JobProgress.NONE));
        } catch (JsonProcessingException e) {
            log.warn("job event not encoded job_id={} reason={}", job.id(), e.getMessage());
            return;
        }
        for (SseClient client : clients) {
            try {
                if (client.terminated()) {
                    clients.remove(client);
                } else {
                    client.sendEvent("job", data);
                }
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }

    /** How many clients listen, for tests and health views. */
    public int listeners() {
        return clients.size();
    }
}
