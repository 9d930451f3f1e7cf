package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import java.nio.file.Path;

/**
 * The movies, series and episodes one refresh of an Xtream source read, in the order they came, held in a
 * {@link SpoolFile} until they are stored. Not thread-safe.
 */
final class VodSpool implements VodSink, AutoCloseable {
    private static final int MOVIE = 0;
    private static final int SERIES = 1;
    private static final int EPISODE = 2;

    private final SourceId source;
    private final SpoolFile file;
    private long count;

    VodSpool(Path directory, SourceId source) {
        this.source = source;
        this.file = SpoolFile.create(directory);
    }

    @Override
    public void movie(VodMovie movie) {
        requireSource(movie.sourceId(), "movie " + movie.providerId());
        file.writeByte(MOVIE);
        file.writeText(movie.providerId());
        file.writeText(movie.name());
        file.writeText(movie.category());
        file.writeText(movie.icon());
        file.writeText(movie.container());
        file.writeText(movie.panelJson());
        count++;
    }

    @Override
    public void series(VodSeries series) {
        requireSource(series.sourceId(), "series " + series.providerId());
        file.writeByte(SERIES);
        file.writeText(series.providerId());
        file.writeText(series.name());
        file.writeText(series.category());
        file.writeText(series.cover());
        file.writeText(series.panelJson());
        count++;
    }

    @Override
    public void episode(VodEpisode episode) {
        requireSource(episode.sourceId(), "episode " + episode.providerId());
        file.writeByte(EPISODE);
        file.writeText(episode.seriesId());
        file.writeText(episode.providerId());
        file.writeSigned(episode.season());
        Integer number = episode.episode();
        file.writeByte(number == null ? 0 : 1);
        if (number != null) {
            file.writeSigned(number);
        }
        file.writeText(episode.title());
        file.writeText(episode.container());
        file.writeText(episode.panelJson());
        count++;
    }

    /** Hands every spooled item to the sink, in the order they came; once. */
    void replayTo(VodSink sink) {
        file.rewind();
        for (long i = 0; i < count; i++) {
            int kind = file.readByte();
            if (kind == MOVIE) {
                sink.movie(new VodMovie(
                        source,
                        file.readRequiredText(),
                        file.readRequiredText(),
                        file.readText(),
                        file.readText(),
                        file.readText(),
                        file.readRequiredText()));
            } else if (kind == SERIES) {
                sink.series(new VodSeries(
                        source,
                        file.readRequiredText(),
                        file.readRequiredText(),
                        file.readText(),
                        file.readText(),
                        file.readRequiredText()));
            } else {
                sink.episode(readEpisode());
            }
        }
    }

    private VodEpisode readEpisode() {
        String seriesId = file.readRequiredText();
        String providerId = file.readRequiredText();
        int season = file.readInt();
        Integer number = file.readByte() == 0 ? null : file.readInt();
        return new VodEpisode(
                source,
                seriesId,
                providerId,
                season,
                number,
                file.readRequiredText(),
                file.readText(),
                file.readRequiredText());
    }

    private void requireSource(SourceId owner, String what) {
        if (!owner.equals(source)) {
            throw new IllegalArgumentException(what + ": belongs to source " + owner + ", not " + source);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
