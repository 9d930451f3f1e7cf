package io.tvarr.domain.vod.port.out;

import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores the movies, series and episodes of each Xtream source. Implementations are thread-safe. */
public interface VodRepository {
    /**
     * Replaces everything a source offers on demand, atomically: the writer streams into the sink (written in
     * batches); if it throws, what was stored stays and the exception propagates. An item given twice (the same
     * panel id) keeps the last one. The write transaction is open while the writer runs, so it should only replay
     * what was read before (the ingestion's spool), never download.
     *
     * @return how many movies, series and episodes were given
     */
    long replaceAllForSource(SourceId source, Consumer<VodSink> writer);

    /** The source's movies in the order they were given. Streams with a fetch size. */
    void forEachMovie(SourceId source, Consumer<VodMovie> consumer);

    /** The source's series in the order they were given. Streams with a fetch size. */
    void forEachSeries(SourceId source, Consumer<VodSeries> consumer);

    /** One series' episodes by season, then episode number (unnumbered last), then the order they were given. */
    void forEachEpisode(SourceId source, String seriesId, Consumer<VodEpisode> consumer);

    /** Every episode of the source, series by series, in the order of {@link #forEachEpisode(SourceId, String, Consumer)}. */
    void forEachEpisode(SourceId source, Consumer<VodEpisode> consumer);

    Optional<VodMovie> findMovie(SourceId source, String providerId);

    Optional<VodEpisode> findEpisode(SourceId source, String providerId);

    /** Movies, series and episodes of the source. */
    long count(SourceId source);
}
