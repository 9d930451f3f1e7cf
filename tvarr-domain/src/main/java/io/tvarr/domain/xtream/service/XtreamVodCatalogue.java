package io.tvarr.domain.xtream.service;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.port.out.VodRepository;
import io.tvarr.domain.xtream.XtreamEpisode;
import io.tvarr.domain.xtream.XtreamMovie;
import io.tvarr.domain.xtream.XtreamShow;
import io.tvarr.domain.xtream.port.in.ReadXtreamVodUseCase;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What a proxy's Xtream door serves on demand: the stored VOD of its sources, when its switch is on. Thread-safe. */
public final class XtreamVodCatalogue implements ReadXtreamVodUseCase {
    private final StreamProxyRepository proxies;
    private final VodRepository vod;

    public XtreamVodCatalogue(StreamProxyRepository proxies, VodRepository vod) {
        this.proxies = proxies;
        this.vod = vod;
    }

    @Override
    public boolean servesVod(ProxyId proxy) {
        return proxies.findById(proxy).map(p -> p.output().xtreamVod()).orElse(false);
    }

    @Override
    public void forEachMovie(ProxyId proxy, Consumer<XtreamMovie> sink) {
        for (SourceId source : sources(proxy)) {
            vod.forEachMovie(source, movie -> sink.accept(XtreamMovie.of(movie)));
        }
    }

    @Override
    public Optional<XtreamMovie> findMovie(ProxyId proxy, int streamId) {
        return first(
                proxy,
                streamId,
                (source, sink) -> vod.forEachMovie(source, m -> sink.accept(XtreamMovie.of(m))),
                XtreamMovie::streamId);
    }

    @Override
    public void forEachSeries(ProxyId proxy, Consumer<XtreamShow> sink) {
        for (SourceId source : sources(proxy)) {
            vod.forEachSeries(source, series -> sink.accept(XtreamShow.of(series)));
        }
    }

    @Override
    public Optional<XtreamShow> findSeries(ProxyId proxy, int seriesId) {
        return first(
                proxy,
                seriesId,
                (source, sink) -> vod.forEachSeries(source, s -> sink.accept(XtreamShow.of(s))),
                XtreamShow::seriesId);
    }

    @Override
    public void forEachEpisode(ProxyId proxy, XtreamShow show, Consumer<XtreamEpisode> sink) {
        if (sources(proxy).contains(show.series().sourceId())) {
            vod.forEachEpisode(
                    show.series().sourceId(),
                    show.series().providerId(),
                    episode -> sink.accept(XtreamEpisode.of(episode)));
        }
    }

    @Override
    public Optional<XtreamEpisode> findEpisode(ProxyId proxy, int episodeId) {
        return first(
                proxy,
                episodeId,
                (source, sink) -> vod.forEachEpisode(source, e -> sink.accept(XtreamEpisode.of(e))),
                XtreamEpisode::id);
    }

    /** The proxy's sources when its door serves VOD; none otherwise, so every answer is empty. */
    private List<SourceId> sources(ProxyId proxy) {
        return proxies.findById(proxy)
                .filter(p -> p.output().xtreamVod())
                .map(StreamProxy::sources)
                .orElse(List.of());
    }

    /** Reads a source at a time; should two items share an id (31 bits can clash), the first in order wins. */
    private <T> Optional<T> first(
            ProxyId proxy,
            int id,
            java.util.function.BiConsumer<SourceId, Consumer<T>> reader,
            java.util.function.ToIntFunction<T> idOf) {
        for (SourceId source : sources(proxy)) {
            Object[] found = {null};
            reader.accept(source, item -> {
                if (found[0] == null && idOf.applyAsInt(item) == id) {
                    found[0] = item;
                }
            });
            if (found[0] != null) {
                @SuppressWarnings("unchecked")
                T item = (T) found[0];
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
