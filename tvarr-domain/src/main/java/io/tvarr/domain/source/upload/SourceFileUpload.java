package io.tvarr.domain.source.upload;

import io.tvarr.domain.source.SourceFileKind;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import java.io.InputStream;
import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Saves a source reading an uploaded file: the settings are checked, the file kept, then the source saved pointing at
 * it; a refused save deletes the file again. The source service deletes the file a source no longer reads.
 * Thread-safe when its parts are.
 *
 * @param <I> the source's id
 * @param <C> the command that saves the source's settings
 * @param <S> the source
 */
public final class SourceFileUpload<I, C, S> {
    /** How a kind of source is read and saved: its use case's methods. */
    public record Saving<I, C, S>(Function<I, S> get, Function<C, S> create, BiFunction<I, C, S> update) {}

    /** What differs between the kinds of source's settings. */
    public interface Settings<C, S> {
        /** A stored source's settings as they are; a null password keeps the stored credentials. */
        C of(S stored);

        /** @throws io.tvarr.domain.ValidationException naming {@code kind} when the settings' kind reads no file */
        void requireReadsFiles(C settings);

        C pointedAt(C settings, URI file);
    }

    private final SourceFileKind kind;
    private final Saving<I, C, S> sources;
    private final Settings<C, S> settings;
    private final KeepSourceFilesUseCase files;

    public SourceFileUpload(
            SourceFileKind kind, Saving<I, C, S> sources, Settings<C, S> settings, KeepSourceFilesUseCase files) {
        this.kind = kind;
        this.sources = sources;
        this.settings = settings;
        this.files = files;
    }

    /**
     * @param source the source whose file is replaced; null for a new source
     * @param given the settings to save; null keeps the stored source's (then {@code source} is set)
     * @param upload streamed to the kept file; the caller owns and closes it
     */
    public S upload(@Nullable I source, @Nullable C given, InputStream upload) {
        C saved = given == null ? settings.of(sources.get().apply(required(source))) : given;
        settings.requireReadsFiles(saved);
        if (source != null && given != null) {
            // refused before the upload is read (kept settings were read from the stored source just above): a missing
            // source is not worth a gigabyte of disk writes
            sources.get().apply(source);
        }
        URI file = files.store(kind, upload);
        try {
            C pointed = settings.pointedAt(saved, file);
            return source == null
                    ? sources.create().apply(pointed)
                    : sources.update().apply(source, pointed);
        } catch (RuntimeException refused) {
            files.release(file);
            throw refused;
        }
    }

    private static <I> I required(@Nullable I source) {
        if (source == null) {
            // the upload commands refuse this pair; reaching here is a caller's bug, not a user's input
            throw new IllegalArgumentException("source: null with no settings (expected: one of them)");
        }
        return source;
    }
}
