package io.tvarr.http.job;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.Page;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobId;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.ScheduledTarget;
import io.tvarr.domain.job.port.in.ManageJobsUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.EnumParam;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.QueryParams;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The job queue and history, the schedule, and running a job now. */
public final class JobRoutes implements ApiRoutes {
    private final ManageJobsUseCase jobs;

    public JobRoutes(ManageJobsUseCase jobs) {
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/jobs/schedule", this::schedule);
        routes.get("/api/v1/jobs", this::list);
        routes.post("/api/v1/jobs", this::submit);
        routes.get("/api/v1/jobs/{id}", this::get);
        routes.post("/api/v1/jobs/{id}/cancel", this::cancel);
    }

    @OpenApi(
            path = "/api/v1/jobs",
            methods = HttpMethod.GET,
            summary = "Jobs, newest first, paged",
            tags = "jobs",
            queryParams = {
                @OpenApiParam(name = "state", type = JobState.class),
                @OpenApiParam(name = "kind", type = JobKind.class),
                @OpenApiParam(name = "page", type = Integer.class),
                @OpenApiParam(name = "size", type = Integer.class)
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = JobPageView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void list(Context ctx) {
        String state = ctx.queryParam("state");
        String kind = ctx.queryParam("kind");
        Page<Job> page = jobs.list(
                state == null || state.isBlank() ? null : EnumParam.parse(JobState.class, state, "state"),
                kind == null || kind.isBlank() ? null : EnumParam.parse(JobKind.class, kind, "kind"),
                QueryParams.integer(ctx, "page", 0),
                QueryParams.integer(ctx, "size", 50));
        ctx.json(new JobPageView(
                page.items().stream().map(j -> JobView.of(j, jobs.progress(j))).toList(),
                page.page(),
                page.size(),
                page.total()));
    }

    @OpenApi(
            path = "/api/v1/jobs/{id}",
            methods = HttpMethod.GET,
            summary = "A job with its progress while it runs",
            tags = "jobs",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = JobView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        Job job = jobs.get(JobId.parse(ctx.pathParam("id")));
        ctx.json(JobView.of(job, jobs.progress(job)));
    }

    @OpenApi(
            path = "/api/v1/jobs",
            methods = HttpMethod.POST,
            summary = "Queue a job now (a job already queued for the target is returned instead)",
            tags = "jobs",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = JobRequest.class)),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = JobView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void submit(Context ctx) {
        JobRequest request = JsonBodies.read(ctx, JobRequest.class);
        JobKind kind = EnumParam.parse(JobKind.class, request.kind(), "kind");
        String target = request.target() == null ? "" : request.target().strip();
        Job job = jobs.submit(kind, target);
        ctx.status(202).json(JobView.of(job, jobs.progress(job)));
    }

    @OpenApi(
            path = "/api/v1/jobs/{id}/cancel",
            methods = HttpMethod.POST,
            summary = "Cancel a queued job, or stop a running one",
            tags = "jobs",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = JobView.class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void cancel(Context ctx) {
        Job job = jobs.cancel(JobId.parse(ctx.pathParam("id")));
        ctx.json(JobView.of(job, jobs.progress(job)));
    }

    @OpenApi(
            path = "/api/v1/jobs/schedule",
            methods = HttpMethod.GET,
            summary = "Every scheduled target with its cron expression and next run",
            tags = "jobs",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ScheduleView[].class)))
    void schedule(Context ctx) {
        ctx.json(jobs.schedule().stream().map(ScheduleView::of).toList());
    }

    /** A request to run a job now. */
    record JobRequest(
            @OpenApiPropertyType(definedBy = JobKind.class) @OpenApiRequired @Nullable
            String kind,

            @OpenApiNullable @Nullable String target) {}

    /** One page of jobs. */
    record JobPageView(List<JobView> items, int page, int size, long total) {}

    /** A scheduled target. */
    record ScheduleView(
            @OpenApiPropertyType(definedBy = JobKind.class) String kind,
            String target,
            String name,
            String schedule,
            @OpenApiNullable @Nullable Instant nextRun) {
        static ScheduleView of(ScheduledTarget t) {
            return new ScheduleView(EnumParam.format(t.kind()), t.target(), t.name(), t.expression(), t.nextRun());
        }
    }
}
