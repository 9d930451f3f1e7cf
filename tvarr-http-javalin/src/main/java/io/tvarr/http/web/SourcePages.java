package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.job.ScheduledTarget;
import io.tvarr.domain.job.port.in.ManageJobsUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The pages of one kind of source: list, add, edit, refresh now, delete after a confirmation, and the last
 * refresh's report. Forms post back to the same paths; a refusal shows the form again with the message at its
 * field, a success redirects (so reloading never posts twice).
 */
final class SourcePages {
    private final SourceCatalog catalog;
    private final ManageJobsUseCase jobs;
    private final Templates templates;
    private final WebAssets assets;

    SourcePages(SourceCatalog catalog, ManageJobsUseCase jobs, Templates templates, WebAssets assets) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        String path = catalog.section().path();
        routes.get(path, this::list);
        routes.get(path + "/new", this::newForm);
        routes.post(path, this::create);
        routes.get(path + "/{id}", this::show);
        routes.get(path + "/{id}/edit", this::editForm);
        routes.post(path + "/{id}", this::update);
        routes.post(path + "/{id}/refresh", this::refresh);
        routes.post(path + "/{id}/health", this::configureHealth);
        routes.get(path + "/{id}/status", this::status);
        routes.get(path + "/{id}/delete", this::confirmDelete);
        routes.post(path + "/{id}/delete", this::delete);
    }

    /** Every source with its last outcome and next run, for this list and the dashboard. */
    List<SourceRow> rows() {
        Map<String, Instant> next = nextRuns();
        return catalog.list().stream()
                .map(s -> new SourceRow(s, catalog.status(s.id()), next.get(s.id())))
                .toList();
    }

    void list(Context ctx) {
        SourceSection section = catalog.section();
        templates.render(
                ctx, "sources.jte", Map.of("layout", layout(ctx, section.title()), "section", section, "rows", rows()));
    }

    void newForm(Context ctx) {
        SourceSection section = catalog.section();
        String kind = Objects.requireNonNullElse(
                ctx.queryParam("kind"), section.kinds().get(0));
        form(ctx, 200, SourceForm.empty(kind), FormErrors.NONE, null);
    }

    void create(Context ctx) {
        SourceForm form = SourceForm.read(ctx);
        String id;
        try {
            id = save(ctx, form, null);
        } catch (ValidationException | ConflictException e) {
            form(ctx, 400, form, FormErrors.of(e, SourceForm.FIELDS), null);
            return;
        }
        ctx.redirect(catalog.section().path() + "/" + id, HttpStatus.SEE_OTHER);
    }

    void show(Context ctx) {
        SourceRow row = row(ctx.pathParam("id"));
        page(ctx, 200, row, catalog.health(row.source().id()));
    }

    /** Saves the stream-check settings form; a refusal shows the page again with the message at its field. */
    void configureHealth(Context ctx) {
        String id = ctx.pathParam("id");
        SourceRow row = row(id);
        HealthForm form = HealthForm.read(ctx);
        try {
            catalog.configureHealth(id, form.settings());
        } catch (ValidationException e) {
            page(ctx, 400, row, catalog.health(id).refused(form, FormErrors.of(e, HealthForm.FIELDS)));
            return;
        }
        ctx.redirect(catalog.section().path() + "/" + id + "#health-heading", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, int status, SourceRow row, SourceHealth health) {
        SourceSection section = catalog.section();
        templates.render(
                ctx,
                status,
                "source.jte",
                Map.of("layout", layout(ctx, row.source().name()), "section", section, "row", row, "health", health));
    }

    void editForm(Context ctx) {
        SourceEntry source = catalog.get(ctx.pathParam("id"));
        form(ctx, 200, SourceForm.of(source), FormErrors.NONE, source.id());
    }

    void update(Context ctx) {
        String id = ctx.pathParam("id");
        catalog.get(id);
        SourceForm form = SourceForm.read(ctx);
        try {
            save(ctx, form, id);
        } catch (ValidationException | ConflictException e) {
            form(ctx, 400, form, FormErrors.of(e, SourceForm.FIELDS), id);
            return;
        }
        ctx.redirect(catalog.section().path() + "/" + id, HttpStatus.SEE_OTHER);
    }

    /**
     * Saves the form: from the chosen file when the person chose to upload one, else from the URL. Editing without a
     * new file keeps the file the source reads.
     *
     * @return the source's id
     */
    private String save(Context ctx, SourceForm form, @Nullable String id) {
        UploadedFile file = form.uploads() && ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        boolean chosen = file != null && !file.filename().isBlank();
        if (form.uploads() && chosen) {
            try (InputStream in = file.content()) {
                return catalog.upload(id, form, in);
            } catch (IOException e) {
                throw new ValidationException("file: the upload could not be read (" + e.getMessage() + ")", e);
            }
        }
        if (form.uploads() && id == null) {
            throw new ValidationException("file: choose a file to upload (or read from a URL)");
        }
        if (id == null) {
            return catalog.create(form);
        }
        catalog.update(id, form);
        return id;
    }

    void refresh(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            catalog.refresh(id);
        } catch (ConflictException alreadyRunning) {
            // the running refresh is what the person wanted: its page shows it
        }
        ctx.redirect(catalog.section().path() + "/" + id, HttpStatus.SEE_OTHER);
    }

    /** The status panel alone, which htmx fetches again while a refresh runs. */
    void status(Context ctx) {
        templates.render(
                ctx, "sourceStatus.jte", Map.of("section", catalog.section(), "row", row(ctx.pathParam("id"))));
    }

    void confirmDelete(Context ctx) {
        SourceSection section = catalog.section();
        SourceEntry source = catalog.get(ctx.pathParam("id"));
        String back = section.path() + "/" + source.id();
        templates.render(
                ctx,
                "confirmDelete.jte",
                Map.of(
                        "layout",
                        layout(ctx, "Delete " + source.name()),
                        "what",
                        section.singular() + " '" + source.name() + "' and everything it brought in",
                        "action",
                        back + "/delete",
                        "back",
                        back));
    }

    void delete(Context ctx) {
        catalog.delete(ctx.pathParam("id"));
        ctx.redirect(catalog.section().path(), HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, int status, SourceForm form, FormErrors errors, @Nullable String editing) {
        SourceSection section = catalog.section();
        Map<String, Object> params = new HashMap<>();
        params.put("layout", layout(ctx, editing == null ? "Add a " + section.singular() : "Edit " + form.name()));
        params.put("section", section);
        params.put("form", form);
        params.put("errors", errors);
        params.put("action", editing == null ? section.path() : section.path() + "/" + editing);
        templates.render(ctx, status, "sourceForm.jte", params);
    }

    private SourceRow row(String id) {
        SourceEntry source = catalog.get(id);
        return new SourceRow(source, catalog.status(id), nextRuns().get(id));
    }

    private Map<String, Instant> nextRuns() {
        Map<String, Instant> next = new HashMap<>();
        for (ScheduledTarget target : jobs.schedule()) {
            if (target.kind() == catalog.section().jobKind() && target.nextRun() != null) {
                next.put(target.target(), target.nextRun());
            }
        }
        return next;
    }

    private Layout layout(Context ctx, String title) {
        return Layout.of(ctx, assets, title, catalog.section().nav());
    }
}
