package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamEpisode;
import io.tvarr.domain.xtream.XtreamMovie;
import io.tvarr.domain.xtream.XtreamShow;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The movies and series a proxy's Xtream door serves: those its Xtream sources offer, in the proxy's source order,
 * when the proxy {@linkplain io.tvarr.domain.proxy.OutputSettings#xtreamVod() serves VOD}; nothing otherwise. The
 * proxy's channel filters do not apply. Everything is read a page at a time on the caller's thread, so memory does
 * not grow with the catalogue. Finding by id reads the catalogue until it meets the id.
 */
public interface ReadXtreamVodUseCase {
    /** Whether the proxy's door serves VOD and series. */
    boolean servesVod(ProxyId proxy);

    void forEachMovie(ProxyId proxy, Consumer<XtreamMovie> sink);

    Optional<XtreamMovie> findMovie(ProxyId proxy, int streamId);

    void forEachSeries(ProxyId proxy, Consumer<XtreamShow> sink);

    Optional<XtreamShow> findSeries(ProxyId proxy, int seriesId);

    /** The series' episodes by season, then episode number. */
    void forEachEpisode(ProxyId proxy, XtreamShow show, Consumer<XtreamEpisode> sink);

    Optional<XtreamEpisode> findEpisode(ProxyId proxy, int episodeId);
}
