package io.tvarr.http.web;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.epg.port.in.UploadGuideCommand;
import io.tvarr.domain.epg.port.in.UploadGuideUseCase;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.port.in.IngestSourceUseCase;
import io.tvarr.http.EnumParam;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Guide sources (XMLTV, Xtream EPG) for the source pages. */
final class GuideCatalog implements SourceCatalog {
    private final ManageEpgSourcesUseCase guides;
    private final IngestSourceUseCase<EpgSourceId> ingestion;
    private final UploadGuideUseCase uploads;

    GuideCatalog(
            ManageEpgSourcesUseCase guides, IngestSourceUseCase<EpgSourceId> ingestion, UploadGuideUseCase uploads) {
        this.guides = guides;
        this.ingestion = ingestion;
        this.uploads = uploads;
    }

    @Override
    public SourceSection section() {
        return SourceSection.GUIDES;
    }

    @Override
    public List<SourceEntry> list() {
        return guides.list().stream().map(GuideCatalog::entry).toList();
    }

    @Override
    public SourceEntry get(String id) {
        return entry(guides.get(EpgSourceId.parse(id)));
    }

    @Override
    public String create(SourceForm form) {
        return guides.create(command(form, SaveEpgSourceCommand.xmltv("new", "file:/")))
                .id()
                .toString();
    }

    @Override
    public void update(String id, SourceForm form) {
        EpgSourceId guideId = EpgSourceId.parse(id);
        guides.update(guideId, command(form, kept(guides.get(guideId))));
    }

    @Override
    public String upload(@Nullable String id, SourceForm form, InputStream file) {
        SourceForm pointed = form.withUrl(UploadGuideCommand.STORED_FILE);
        if (id == null) {
            SaveEpgSourceCommand settings = command(pointed, SaveEpgSourceCommand.xmltv("new", "file:/"));
            return uploads.upload(new UploadGuideCommand(null, settings, file))
                    .id()
                    .toString();
        }
        EpgSourceId guideId = EpgSourceId.parse(id);
        SaveEpgSourceCommand settings = command(pointed, kept(guides.get(guideId)));
        return uploads.upload(new UploadGuideCommand(guideId, settings, file))
                .id()
                .toString();
    }

    /** The stored settings the form does not show. */
    private static SaveEpgSourceCommand kept(EpgSource stored) {
        return new SaveEpgSourceCommand(
                stored.name(),
                stored.kind(),
                "file:/",
                null,
                null,
                null,
                stored.enabled(),
                null,
                stored.timeShiftMinutes(),
                stored.zone(),
                stored.retention());
    }

    @Override
    public void delete(String id) {
        guides.delete(EpgSourceId.parse(id));
    }

    @Override
    public IngestionStatus refresh(String id) {
        return ingestion.start(EpgSourceId.parse(id));
    }

    @Override
    public IngestionStatus status(String id) {
        return ingestion.status(EpgSourceId.parse(id));
    }

    /** The form's fields over {@code kept}'s settings that the form does not show. */
    private static SaveEpgSourceCommand command(SourceForm form, SaveEpgSourceCommand kept) {
        return new SaveEpgSourceCommand(
                form.name(),
                EnumParam.parse(EpgSourceKind.class, form.kind(), "kind"),
                form.url(),
                SourceForm.blankToNull(form.username()),
                SourceForm.blankToNull(form.password()),
                SourceForm.blankToNull(form.userAgent()),
                kept.enabled(),
                SourceForm.blankToNull(form.schedule()),
                kept.timeShiftMinutes(),
                kept.zone(),
                kept.retention());
    }

    private static SourceEntry entry(EpgSource s) {
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
