package io.tvarr.http;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the upload routes of a kind of source do (a new source reading an upload, or a source's file replaced), the
 * same for playlists and guides; each kind's routes class keeps its own OpenAPI description and use case.
 *
 * @param <I> the source's id
 * @param <S> the source
 */
public final class UploadHandlers<I, S> {
    private final Set<String> types;
    private final Function<S, I> idOf;
    private final Function<S, ?> view;
    private final BiConsumer<Context, I> ingestIfAsked;

    /**
     * @param types the raw body types taken ({@link UploadBodies#open})
     * @param view the JSON answer for a saved source
     * @param ingestIfAsked starts a refresh of the saved source when the request asks for one
     */
    public UploadHandlers(
            Set<String> types, Function<S, I> idOf, Function<S, ?> view, BiConsumer<Context, I> ingestIfAsked) {
        this.types = Set.copyOf(types);
        this.idOf = idOf;
        this.view = view;
        this.ingestIfAsked = ingestIfAsked;
    }

    /** Answers 201 with the new source; {@code upload} gets the query parameter {@code name} and the file. */
    public void create(Context ctx, BiFunction<String, InputStream, S> upload) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            throw new ValidationException("name: required (the query parameter name of the new source)");
        }
        S created = read(ctx, file -> upload.apply(name, file));
        ingestIfAsked.accept(ctx, idOf.apply(created));
        ctx.status(201).json(view.apply(created));
    }

    /** Answers 200 with the source whose file {@code upload} replaced. */
    public void replace(Context ctx, Function<InputStream, S> upload) {
        S replaced = read(ctx, upload);
        ingestIfAsked.accept(ctx, idOf.apply(replaced));
        ctx.json(view.apply(replaced));
    }

    private S read(Context ctx, Function<InputStream, S> upload) {
        try (InputStream file = UploadBodies.open(ctx, types)) {
            return upload.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
