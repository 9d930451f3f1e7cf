package io.tvarr.domain.epg.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceId;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded guide for a guide source.
 *
 * @param source the guide source whose file is replaced; null for a new one
 * @param settings the source's settings, their url replaced by the kept file's ({@link #STORED_FILE} stands in for
 *     it); null keeps an existing source's settings, a new source needs them
 * @param guide the upload, read once and streamed; the caller owns and closes it
 */
public record UploadGuideCommand(
        @Nullable EpgSourceId source, @Nullable SaveEpgSourceCommand settings, InputStream guide) {
    /** The url to give in {@code settings} before the file is kept: any other is replaced all the same. */
    public static final String STORED_FILE = "file:/uploaded";

    public UploadGuideCommand {
        Checks.requireNonNull(guide, "file");
        if (source == null && settings == null) {
            throw new ValidationException("name: required for a new guide");
        }
    }

    /** A new XMLTV guide source named {@code name}, reading the uploaded file. */
    public static UploadGuideCommand newSource(String name, InputStream guide) {
        return new UploadGuideCommand(null, SaveEpgSourceCommand.xmltv(name, STORED_FILE), guide);
    }

    /** The file of an existing guide source replaced, its other settings kept. */
    public static UploadGuideCommand replace(EpgSourceId source, InputStream guide) {
        return new UploadGuideCommand(source, null, guide);
    }
}
