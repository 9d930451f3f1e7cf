package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.job.port.in.ManageJobsUseCase;
import io.tvarr.domain.relay.port.in.InspectRelayUseCase;
import io.tvarr.domain.system.port.in.ListWarningsUseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The home page: sources and guides with their last refresh, outcome, counts and next run; the jobs running now,
 * whose panel follows the job event stream; and the relay's sessions with their clients and bitrate.
 */
final class DashboardPage {
    static final String JOBS = "/dashboard/jobs";
    private static final int SHOWN_JOBS = 50;

    private final List<SourcePages> sections;
    private final ManageJobsUseCase jobs;
    private final InspectRelayUseCase relay;
    private final ListWarningsUseCase warnings;
    private final Templates templates;
    private final WebAssets assets;

    DashboardPage(
            SourcePages sources, SourcePages guides, WebUseCases useCases, Templates templates, WebAssets assets) {
        this.sections = List.of(sources, guides);
        this.jobs = useCases.jobs();
        this.relay = useCases.relay();
        this.warnings = useCases.warnings();
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::show);
        routes.get(JOBS, this::jobs);
    }

    void show(Context ctx) {
        templates.render(
                ctx,
                "dashboard.jte",
                Map.of(
                        "layout", Layout.of(ctx, assets, "Dashboard", "dashboard"),
                        "sources", sections.get(0).rows(),
                        "guides", sections.get(1).rows(),
                        "jobs", jobRows(),
                        "refreshing", refreshing(),
                        "sessions", relay.sessions(),
                        "warnings", warnings.warnings()));
    }

    /**
     * The jobs panel alone: htmx fetches it again on every job event and, while jobs or refreshes run, every second.
     */
    void jobs(Context ctx) {
        templates.render(ctx, "jobs.jte", Map.of("jobs", jobRows(), "refreshing", refreshing()));
    }

    /** Refreshes started from a page or the API run outside the job queue: shown here with their progress too. */
    private List<SourceRow> refreshing() {
        return sections.stream()
                .flatMap(section -> section.rows().stream())
                .filter(SourceRow::running)
                .toList();
    }

    private List<JobRow> jobRows() {
        List<JobRow> rows = new ArrayList<>();
        for (JobState state : List.of(JobState.RUNNING, JobState.QUEUED)) {
            jobs.list(state, null, 0, SHOWN_JOBS).items().forEach(job -> rows.add(new JobRow(job, jobs.progress(job))));
        }
        return rows;
    }
}
