package io.tvarr.domain.source.port.in;

import io.tvarr.domain.source.StreamSource;

/**
 * Keeps a playlist uploaded from a person's computer and makes an M3U source read it through its {@code file:} URL:
 * a new source, or an existing one whose playlist is replaced (readers see the old file or the new one, never a
 * part). The file a source no longer reads is deleted.
 */
public interface UploadPlaylistUseCase {
    /**
     * Streams the upload to its file; nothing is stored when the file or the settings are refused.
     *
     * @return the source as saved, its url the kept file's
     * @throws io.tvarr.domain.ValidationException naming {@code file} (empty, not M3U, over the limit), {@code kind}
     *     (not an M3U source) or a field of the settings
     * @throws io.tvarr.domain.NotFoundException when the source to replace does not exist
     */
    StreamSource upload(UploadPlaylistCommand command);
}
