package io.tvarr.domain.xtream;

import io.tvarr.domain.Checks;
import io.tvarr.domain.vod.VodMovie;

/** A movie of a proxy's Xtream sources as the Xtream door lists it, under its door {@code stream_id}. */
public record XtreamMovie(int streamId, VodMovie movie) {
    public XtreamMovie {
        Checks.requireNonNull(movie, "movie");
    }

    public static XtreamMovie of(VodMovie movie) {
        return new XtreamMovie(XtreamVodIds.movie(movie.sourceId(), movie.providerId()), movie);
    }
}
