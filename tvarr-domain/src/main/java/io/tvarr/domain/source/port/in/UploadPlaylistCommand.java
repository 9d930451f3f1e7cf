package io.tvarr.domain.source.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceId;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded playlist for a source.
 *
 * @param source the source whose playlist is replaced; null for a new source
 * @param settings the source's settings, their url replaced by the kept file's ({@link #STORED_FILE} stands in for
 *     it); null keeps an existing source's settings, a new source needs them
 * @param playlist the upload, read once and streamed; the caller owns and closes it
 */
public record UploadPlaylistCommand(
        @Nullable SourceId source, @Nullable SaveStreamSourceCommand settings, InputStream playlist) {
    /** The url to give in {@code settings} before the file is kept: any other is replaced all the same. */
    public static final String STORED_FILE = "file:/uploaded";

    public UploadPlaylistCommand {
        Checks.requireNonNull(playlist, "file");
        if (source == null && settings == null) {
            throw new ValidationException("name: required for a new source");
        }
    }

    /** A new M3U source named {@code name} on the default schedule, reading the uploaded playlist. */
    public static UploadPlaylistCommand newSource(String name, InputStream playlist) {
        return new UploadPlaylistCommand(null, SaveStreamSourceCommand.m3u(name, STORED_FILE), playlist);
    }

    /** The playlist of an existing source replaced, its other settings kept. */
    public static UploadPlaylistCommand replace(SourceId source, InputStream playlist) {
        return new UploadPlaylistCommand(source, null, playlist);
    }
}
