package io.tvarr.domain.epg.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.epg.port.in.UploadGuideCommand;
import io.tvarr.domain.epg.port.in.UploadGuideUseCase;
import io.tvarr.domain.source.SourceFileKind;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import io.tvarr.domain.source.upload.SourceFileUpload;
import java.net.URI;
import java.util.Locale;

/** Uploaded guides, read by XMLTV guide sources; {@link SourceFileUpload} takes the steps. Thread-safe. */
public final class GuideUploads implements UploadGuideUseCase {
    private final SourceFileUpload<EpgSourceId, SaveEpgSourceCommand, EpgSource> upload;

    public GuideUploads(ManageEpgSourcesUseCase guides, KeepSourceFilesUseCase files) {
        this.upload = new SourceFileUpload<>(
                SourceFileKind.GUIDE,
                new SourceFileUpload.Saving<>(guides::get, guides::create, guides::update),
                new XmltvSettings(),
                files);
    }

    @Override
    public EpgSource upload(UploadGuideCommand command) {
        return upload.upload(command.source(), command.settings(), command.guide());
    }

    private static final class XmltvSettings implements SourceFileUpload.Settings<SaveEpgSourceCommand, EpgSource> {
        @Override
        public SaveEpgSourceCommand of(EpgSource stored) {
            return kept(stored);
        }

        @Override
        public void requireReadsFiles(SaveEpgSourceCommand settings) {
            if (settings.kind() != EpgSourceKind.XMLTV) {
                throw new ValidationException("kind: an uploaded guide is read by an xmltv guide, not "
                        + settings.kind().name().toLowerCase(Locale.ROOT));
            }
        }

        @Override
        public SaveEpgSourceCommand pointedAt(SaveEpgSourceCommand settings, URI file) {
            return settings.withUrl(file.toString());
        }
    }

    /** A stored guide source's settings as they are; a null password keeps the stored credentials. */
    private static SaveEpgSourceCommand kept(EpgSource s) {
        return new SaveEpgSourceCommand(
                s.name(),
                s.kind(),
                UploadGuideCommand.STORED_FILE,
                s.credentials() == null ? null : s.credentials().username(),
                null,
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.timeShiftMinutes(),
                s.zone(),
                s.retention());
    }
}
