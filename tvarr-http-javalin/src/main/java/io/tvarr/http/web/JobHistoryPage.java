package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.domain.Page;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.in.ManageJobsUseCase;
import io.tvarr.http.EnumParam;
import io.tvarr.http.QueryParams;
import java.util.Map;

/** Every job that ran or waits, newest first, paged by the store: outcome, duration and error. */
final class JobHistoryPage {
    static final int PAGE_SIZE = 50;

    private final ManageJobsUseCase jobs;
    private final Templates templates;
    private final WebAssets assets;

    JobHistoryPage(ManageJobsUseCase jobs, Templates templates, WebAssets assets) {
        this.jobs = jobs;
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get("/jobs", this::list);
    }

    void list(Context ctx) {
        String state = ctx.queryParam("state");
        JobState only = state == null || state.isBlank() ? null : EnumParam.parse(JobState.class, state, "state");
        Page<Job> page = jobs.list(only, null, QueryParams.integer(ctx, "page", 0), PAGE_SIZE);
        String base = "/jobs?" + (only == null ? "" : "state=" + Shown.wire(only) + "&");
        templates.render(
                ctx,
                "jobHistory.jte",
                Map.of(
                        "layout",
                        Layout.of(ctx, assets, "Jobs", "jobs"),
                        "jobs",
                        page.items(),
                        "pager",
                        new Pager(page, base),
                        "state",
                        only == null ? "" : Shown.wire(only)));
    }
}
