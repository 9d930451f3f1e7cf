package io.tvarr.domain.epg.port.in;

import io.tvarr.domain.epg.EpgSource;

/**
 * Keeps an XMLTV guide (plain or gzip) uploaded from a person's computer and makes an XMLTV guide source read it
 * through its {@code file:} URL: a new source, or an existing one whose file is replaced (readers see the old file
 * or the new one, never a part). The file a source no longer reads is deleted.
 */
public interface UploadGuideUseCase {
    /**
     * Streams the upload to its file; nothing is stored when the file or the settings are refused.
     *
     * @return the guide source as saved, its url the kept file's
     * @throws io.tvarr.domain.ValidationException naming {@code file} (empty, not XMLTV, over the limit), {@code kind}
     *     (not an XMLTV source) or a field of the settings
     * @throws io.tvarr.domain.NotFoundException when the source to replace does not exist
     */
    EpgSource upload(UploadGuideCommand command);
}
