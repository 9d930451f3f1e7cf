package io.tvarr.domain.epg.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.epg.port.in.UploadGuideCommand;
import io.tvarr.domain.epg.port.in.UploadGuideUseCase;
import io.tvarr.domain.source.SourceFileKind;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import java.net.URI;
import java.util.Locale;

/**
 * Uploaded guides: the file is checked and kept first, then the guide source is saved pointing at it; the source
 * service deletes the file it no longer reads. Thread-safe.
 */
public final class GuideUploads implements UploadGuideUseCase {
    private final ManageEpgSourcesUseCase guides;
    private final KeepSourceFilesUseCase files;

    public GuideUploads(ManageEpgSourcesUseCase guides, KeepSourceFilesUseCase files) {
        this.guides = guides;
        this.files = files;
    }

    @Override
    public EpgSource upload(UploadGuideCommand command) {
        SaveEpgSourceCommand settings =
                command.settings() == null ? kept(guides.get(command.source())) : command.settings();
        if (settings.kind() != EpgSourceKind.XMLTV) {
            throw new ValidationException("kind: an uploaded guide is read by an xmltv guide, not "
                    + settings.kind().name().toLowerCase(Locale.ROOT));
        }
        if (command.source() != null && command.settings() != null) {
            // refused before the upload is read (kept settings were read from the stored source just above): a missing
            // guide is not worth a gigabyte of disk writes
            guides.get(command.source());
        }
        URI file = files.store(SourceFileKind.GUIDE, command.guide());
        try {
            SaveEpgSourceCommand pointed = at(settings, file);
            return command.source() == null ? guides.create(pointed) : guides.update(command.source(), pointed);
        } catch (RuntimeException refused) {
            files.release(file);
            throw refused;
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

    private static SaveEpgSourceCommand at(SaveEpgSourceCommand c, URI file) {
        return new SaveEpgSourceCommand(
                c.name(),
                c.kind(),
                file.toString(),
                c.username(),
                c.password(),
                c.userAgent(),
                c.enabled(),
                c.schedule(),
                c.timeShiftMinutes(),
                c.zone(),
                c.retention());
    }
}
