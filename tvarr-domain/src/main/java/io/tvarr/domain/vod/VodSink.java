package io.tvarr.domain.vod;

/** Receives a source's movies, series and episodes as they are read; they may arrive in any order. */
public interface VodSink {
    void movie(VodMovie movie);

    void series(VodSeries series);

    void episode(VodEpisode episode);
}
