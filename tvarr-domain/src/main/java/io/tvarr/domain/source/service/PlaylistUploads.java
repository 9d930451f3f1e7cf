package io.tvarr.domain.source.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceFileKind;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistUseCase;
import java.net.URI;

/**
 * Uploaded playlists: the file is checked and kept first, then the source is saved pointing at it; the source
 * service deletes the file it no longer reads. Thread-safe.
 */
public final class PlaylistUploads implements UploadPlaylistUseCase {
    private final ManageStreamSourcesUseCase sources;
    private final KeepSourceFilesUseCase files;

    public PlaylistUploads(ManageStreamSourcesUseCase sources, KeepSourceFilesUseCase files) {
        this.sources = sources;
        this.files = files;
    }

    @Override
    public StreamSource upload(UploadPlaylistCommand command) {
        SaveStreamSourceCommand settings =
                command.settings() == null ? kept(sources.get(command.source())) : command.settings();
        if (settings.kind() != SourceKind.M3U) {
            throw new ValidationException("kind: an uploaded playlist is read by an m3u source, not "
                    + settings.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (command.source() != null && command.settings() != null) {
            // refused before the upload is read (kept settings were read from the stored source just above): a missing
            // source is not worth a gigabyte of disk writes
            sources.get(command.source());
        }
        URI file = files.store(SourceFileKind.PLAYLIST, command.playlist());
        try {
            SaveStreamSourceCommand pointed = at(settings, file);
            return command.source() == null ? sources.create(pointed) : sources.update(command.source(), pointed);
        } catch (RuntimeException refused) {
            files.release(file);
            throw refused;
        }
    }

    /** A stored source's settings as they are; a null password keeps the stored credentials. */
    private static SaveStreamSourceCommand kept(StreamSource s) {
        return new SaveStreamSourceCommand(
                s.name(),
                s.kind(),
                UploadPlaylistCommand.STORED_FILE,
                s.credentials() == null ? null : s.credentials().username(),
                null,
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.maxConcurrentStreams(),
                s.xtreamOutput(),
                s.includeVod(),
                s.includeSeries());
    }

    private static SaveStreamSourceCommand at(SaveStreamSourceCommand c, URI file) {
        return new SaveStreamSourceCommand(
                c.name(),
                c.kind(),
                file.toString(),
                c.username(),
                c.password(),
                c.userAgent(),
                c.enabled(),
                c.schedule(),
                c.maxConcurrentStreams(),
                c.xtreamOutput(),
                c.includeVod(),
                c.includeSeries());
    }
}
