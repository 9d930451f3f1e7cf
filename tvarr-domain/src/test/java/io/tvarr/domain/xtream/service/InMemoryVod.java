package io.tvarr.domain.xtream.service;

import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import io.tvarr.domain.vod.port.out.VodRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** VOD in lists, in the order given; replacing a source drops what it had. */
final class InMemoryVod implements VodRepository {
    private final List<VodMovie> movies = new ArrayList<>();
    private final List<VodSeries> series = new ArrayList<>();
    private final List<VodEpisode> episodes = new ArrayList<>();

    @Override
    public synchronized long replaceAllForSource(SourceId source, Consumer<VodSink> writer) {
        movies.removeIf(m -> m.sourceId().equals(source));
        series.removeIf(s -> s.sourceId().equals(source));
        episodes.removeIf(e -> e.sourceId().equals(source));
        long[] n = {0};
        writer.accept(new VodSink() {
            @Override
            public void movie(VodMovie movie) {
                movies.add(movie);
                n[0]++;
            }

            @Override
            public void series(VodSeries s) {
                series.add(s);
                n[0]++;
            }

            @Override
            public void episode(VodEpisode episode) {
                episodes.add(episode);
                n[0]++;
            }
        });
        return n[0];
    }

    @Override
    public synchronized void forEachMovie(SourceId source, Consumer<VodMovie> consumer) {
        movies.stream().filter(m -> m.sourceId().equals(source)).forEach(consumer);
    }

    @Override
    public synchronized void forEachSeries(SourceId source, Consumer<VodSeries> consumer) {
        series.stream().filter(s -> s.sourceId().equals(source)).forEach(consumer);
    }

    @Override
    public synchronized void forEachEpisode(SourceId source, String seriesId, Consumer<VodEpisode> consumer) {
        episodes.stream()
                .filter(e -> e.sourceId().equals(source) && e.seriesId().equals(seriesId))
                .sorted(Comparator.comparingInt(VodEpisode::season))
                .forEach(consumer);
    }

    @Override
    public synchronized void forEachEpisode(SourceId source, Consumer<VodEpisode> consumer) {
        episodes.stream().filter(e -> e.sourceId().equals(source)).forEach(consumer);
    }

    @Override
    public synchronized Optional<VodMovie> findMovie(SourceId source, String providerId) {
        return movies.stream()
                .filter(m -> m.sourceId().equals(source) && m.providerId().equals(providerId))
                .findFirst();
    }

    @Override
    public synchronized Optional<VodEpisode> findEpisode(SourceId source, String providerId) {
        return episodes.stream()
                .filter(e -> e.sourceId().equals(source) && e.providerId().equals(providerId))
                .findFirst();
    }

    @Override
    public synchronized long count(SourceId source) {
        return movies.stream().filter(m -> m.sourceId().equals(source)).count()
                + series.stream().filter(s -> s.sourceId().equals(source)).count()
                + episodes.stream().filter(e -> e.sourceId().equals(source)).count();
    }
}
