package io.tvarr.domain.xtream.service;

import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anXtreamSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.job.service.InMemoryStreamProxies;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.xtream.XtreamEpisode;
import io.tvarr.domain.xtream.XtreamMovie;
import io.tvarr.domain.xtream.XtreamShow;
import io.tvarr.domain.xtream.XtreamVodIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XtreamVodCatalogueTest {
    private final SourceId panel = anXtreamSource("Panel").id();
    private final SourceId other = anXtreamSource("Other").id();
    private final InMemoryStreamProxies proxies = new InMemoryStreamProxies();
    private final InMemoryVod vod = new InMemoryVod();
    private final XtreamVodCatalogue catalogue = new XtreamVodCatalogue(proxies, vod);
    private final StreamProxy proxy = aProxy("living-room", panel);

    XtreamVodCatalogueTest() {
        proxies.insert(proxy);
        ingest(panel, "Film");
        ingest(other, "Elsewhere");
    }

    private void ingest(SourceId source, String movie) {
        vod.replaceAllForSource(source, sink -> {
            sink.movie(new VodMovie(source, "18253", movie, "Comedy", null, "mkv", "{\"stream_id\":18253}"));
            sink.series(new VodSeries(source, "10", "The Show", null, null, "{\"series_id\":10}"));
            sink.episode(new VodEpisode(source, "10", "1001", 1, 1, "Pilot", "mp4", "{\"id\":\"1001\"}"));
        });
    }

    @Test
    void lists_the_movies_of_the_proxys_sources_only() {
        List<XtreamMovie> movies = new ArrayList<>();

        catalogue.forEachMovie(proxy.id(), movies::add);

        assertThat(movies).extracting(m -> m.movie().name()).containsExactly("Film");
        assertThat(movies.get(0).streamId()).isEqualTo(XtreamVodIds.movie(panel, "18253"));
    }

    @Test
    void ids_survive_a_re_ingestion_and_differ_between_sources_and_kinds() {
        int before = catalogue
                .findMovie(proxy.id(), XtreamVodIds.movie(panel, "18253"))
                .orElseThrow()
                .streamId();

        ingest(panel, "Film (2024)");

        assertThat(catalogue.findMovie(proxy.id(), before).orElseThrow().movie().name())
                .isEqualTo("Film (2024)");
        assertThat(XtreamVodIds.movie(panel, "18253"))
                .isNotEqualTo(XtreamVodIds.movie(other, "18253"))
                .isNotEqualTo(XtreamVodIds.series(panel, "18253"))
                .isPositive();
        assertThat(catalogue.findMovie(proxy.id(), XtreamVodIds.movie(other, "18253")))
                .isEmpty();
    }

    @Test
    void a_series_lists_its_episodes_and_an_episode_is_found_by_its_door_id() {
        List<XtreamShow> shows = new ArrayList<>();
        catalogue.forEachSeries(proxy.id(), shows::add);
        List<XtreamEpisode> episodes = new ArrayList<>();

        catalogue.forEachEpisode(proxy.id(), shows.get(0), episodes::add);

        assertThat(shows).extracting(XtreamShow::seriesId).containsExactly(XtreamVodIds.series(panel, "10"));
        assertThat(episodes).extracting(e -> e.episode().title()).containsExactly("Pilot");
        assertThat(catalogue
                        .findEpisode(proxy.id(), episodes.get(0).id())
                        .orElseThrow()
                        .episode()
                        .providerId())
                .isEqualTo("1001");
        assertThat(catalogue.findSeries(proxy.id(), shows.get(0).seriesId())).contains(shows.get(0));
    }

    @Test
    void a_proxy_with_vod_switched_off_serves_none() {
        proxies.update(withVod(false));
        List<Object> all = new ArrayList<>();

        catalogue.forEachMovie(proxy.id(), all::add);
        catalogue.forEachSeries(proxy.id(), all::add);

        assertThat(all).isEmpty();
        assertThat(catalogue.servesVod(proxy.id())).isFalse();
        assertThat(catalogue.findMovie(proxy.id(), XtreamVodIds.movie(panel, "18253")))
                .isEmpty();
        assertThat(catalogue.findEpisode(proxy.id(), XtreamVodIds.episode(panel, "1001")))
                .isEmpty();
    }

    private StreamProxy withVod(boolean on) {
        return new StreamProxy(
                proxy.id(),
                proxy.name(),
                proxy.slug(),
                proxy.sources(),
                proxy.epgSources(),
                proxy.filters(),
                proxy.mappingRules(),
                proxy.numbering(),
                proxy.deliveryMode(),
                proxy.relayProfile(),
                proxy.output().withXtreamVod(on),
                proxy.schedule(),
                proxy.createdAt(),
                proxy.updatedAt());
    }
}
