package io.tvarr.http.web;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.port.in.ConfigureHealthChecksUseCase;
import io.tvarr.domain.health.port.in.ListStreamHealthUseCase;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistUseCase;
import io.tvarr.http.EnumParam;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Channel sources (M3U, Xtream) for the source pages. */
final class ChannelSourceCatalog implements SourceCatalog {
    private final ManageStreamSourcesUseCase sources;
    private final IngestSourceUseCase<SourceId> ingestion;
    private final ListStreamHealthUseCase health;
    private final ConfigureHealthChecksUseCase checks;
    private final UploadPlaylistUseCase uploads;

    ChannelSourceCatalog(
            ManageStreamSourcesUseCase sources,
            IngestSourceUseCase<SourceId> ingestion,
            ListStreamHealthUseCase health,
            ConfigureHealthChecksUseCase checks,
            UploadPlaylistUseCase uploads) {
        this.uploads = uploads;
        this.sources = sources;
        this.ingestion = ingestion;
        this.health = health;
        this.checks = checks;
    }

    @Override
    public void configureHealth(String id, HealthCheckSettings settings) {
        checks.configure(SourceId.parse(id), settings);
    }

    @Override
    public SourceHealth health(String id) {
        SourceId source = SourceId.parse(id);
        return SourceHealth.of(
                health.counts(source),
                health.page(source, 0, SourceHealth.RECENT).items(),
                checks.settings(source));
    }

    @Override
    public SourceSection section() {
        return SourceSection.CHANNELS;
    }

    @Override
    public List<SourceEntry> list() {
        return sources.list().stream().map(ChannelSourceCatalog::entry).toList();
    }

    @Override
    public SourceEntry get(String id) {
        return entry(sources.get(SourceId.parse(id)));
    }

    @Override
    public String create(SourceForm form) {
        return sources.create(command(form, SaveStreamSourceCommand.m3u("new", "file:/")))
                .id()
                .toString();
    }

    @Override
    public void update(String id, SourceForm form) {
        SourceId sourceId = SourceId.parse(id);
        sources.update(sourceId, command(form, kept(sources.get(sourceId))));
    }

    @Override
    public String upload(@Nullable String id, SourceForm form, InputStream file) {
        SourceForm pointed = form.withUrl(UploadPlaylistCommand.STORED_FILE);
        if (id == null) {
            SaveStreamSourceCommand settings = command(pointed, SaveStreamSourceCommand.m3u("new", "file:/"));
            return uploads.upload(new UploadPlaylistCommand(null, settings, file))
                    .id()
                    .toString();
        }
        SourceId sourceId = SourceId.parse(id);
        SaveStreamSourceCommand settings = command(pointed, kept(sources.get(sourceId)));
        return uploads.upload(new UploadPlaylistCommand(sourceId, settings, file))
                .id()
                .toString();
    }

    /** What the form does not show stays as it is. */
    private static SaveStreamSourceCommand kept(StreamSource stored) {
        return new SaveStreamSourceCommand(
                stored.name(),
                stored.kind(),
                "file:/",
                null,
                null,
                null,
                stored.enabled(),
                null,
                stored.maxConcurrentStreams(),
                stored.xtreamOutput(),
                stored.includeVod(),
                stored.includeSeries());
    }

    @Override
    public void delete(String id) {
        sources.delete(SourceId.parse(id));
    }

    @Override
    public IngestionStatus refresh(String id) {
        return ingestion.start(SourceId.parse(id));
    }

    @Override
    public IngestionStatus status(String id) {
        return ingestion.status(SourceId.parse(id));
    }

    /** The form's fields over {@code kept}'s settings that the form does not show. */
    private static SaveStreamSourceCommand command(SourceForm form, SaveStreamSourceCommand kept) {
        return new SaveStreamSourceCommand(
                form.name(),
                EnumParam.parse(SourceKind.class, form.kind(), "kind"),
                form.url(),
                SourceForm.blankToNull(form.username()),
                SourceForm.blankToNull(form.password()),
                SourceForm.blankToNull(form.userAgent()),
                kept.enabled(),
                SourceForm.blankToNull(form.schedule()),
                kept.maxConcurrentStreams(),
                kept.xtreamOutput(),
                kept.includeVod(),
                kept.includeSeries());
    }

    private static SourceEntry entry(StreamSource s) {
        return new SourceEntry(
                s.id().toString(),
                s.name(),
                EnumParam.format(s.kind()),
                Redaction.redactUrl(s.url().toString()),
                s.credentials() == null ? null : s.credentials().username(),
                s.userAgent(),
                s.enabled(),
                s.schedule());
    }
}
