package io.tvarr.domain.source.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceFileKind;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistCommand;
import io.tvarr.domain.source.port.in.UploadPlaylistUseCase;
import io.tvarr.domain.source.upload.SourceFileUpload;
import java.net.URI;
import java.util.Locale;

/** Uploaded playlists, read by M3U sources; {@link SourceFileUpload} takes the steps. Thread-safe. */
public final class PlaylistUploads implements UploadPlaylistUseCase {
    private final SourceFileUpload<SourceId, SaveStreamSourceCommand, StreamSource> upload;

    public PlaylistUploads(ManageStreamSourcesUseCase sources, KeepSourceFilesUseCase files) {
        this.upload = new SourceFileUpload<>(
                SourceFileKind.PLAYLIST,
                new SourceFileUpload.Saving<>(sources::get, sources::create, sources::update),
                new M3uSettings(),
                files);
    }

    @Override
    public StreamSource upload(UploadPlaylistCommand command) {
        return upload.upload(command.source(), command.settings(), command.playlist());
    }

    private static final class M3uSettings implements SourceFileUpload.Settings<SaveStreamSourceCommand, StreamSource> {
        @Override
        public SaveStreamSourceCommand of(StreamSource stored) {
            return kept(stored);
        }

        @Override
        public void requireReadsFiles(SaveStreamSourceCommand settings) {
            if (settings.kind() != SourceKind.M3U) {
                throw new ValidationException("kind: an uploaded playlist is read by an m3u source, not "
                        + settings.kind().name().toLowerCase(Locale.ROOT));
            }
        }

        @Override
        public SaveStreamSourceCommand pointedAt(SaveStreamSourceCommand settings, URI file) {
            return settings.withUrl(file.toString());
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
}
