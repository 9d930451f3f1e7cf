package io.tvarr.pipeline;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anEpgChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamProgramme;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Xtream door's EPG of one channel, answered from the stored programmes of the guide channel the proxy matched,
 * through the proxy's EPG rules and within its guide window, rather than by reading the published guide.
 */
class XtreamGuidesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    JdbiPersistence store;
    StreamSource news;
    EpgSource guide;
    PipelineInputs inputs;
    ProxyGenerator generator;
    XtreamPublications lineups;
    XtreamGuides guides;

    @BeforeEach
    void open() {
        store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")));
        store.migrate();
        news = anM3uSource("news");
        store.streamSources().insert(news);
        guide = anXmltvSource("guide");
        store.epgSources().insert(guide);
        inputs = new PipelineInputs(
                store.proxies(),
                store.streamSources(),
                store.channels(),
                store.epgSources(),
                store.epg(),
                store.filters(),
                store.mappingRules(),
                id -> store.outputAccess().findByProxy(id).orElseGet(() -> OutputAccess.defaults(id)));
        generator = new ProxyGenerator(
                inputs,
                new PipelineSettings(dir.resolve("proxies"), () -> "http://tv.local:8080/", 1),
                new IngestionGuard(id -> false, Duration.ofMillis(200), Duration.ofMillis(5)),
                CLOCK);
        lineups = new XtreamPublications(dir.resolve("proxies"));
        guides = new XtreamGuides(inputs, lineups, CLOCK);
        store.channels().replaceAllForSource(news.id(), sink -> {
            sink.accept(aChannel()
                    .from(news.id())
                    .named("BBC One")
                    .withTvgId("bbc1.uk")
                    .inGroup("UK")
                    .build());
            sink.accept(aChannel()
                    .from(news.id())
                    .named("Local TV")
                    .withTvgId("nowhere")
                    .inGroup("UK")
                    .build());
        });
        store.epg().replaceAllForSource(guide.id(), sink -> {
            sink.channel(anEpgChannel(guide.id(), "bbc1.uk", "BBC One"));
            sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.minus(Duration.ofDays(2)), "Too long ago"));
            sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.minus(Duration.ofHours(2)), "Earlier"));
            sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.minus(Duration.ofMinutes(10)), "News"));
            sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.plus(Duration.ofMinutes(20)), "Weather"));
            sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.plus(Duration.ofMinutes(50)), "Adult Night"));
            sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.plus(Duration.ofHours(2)), "Film"));
            sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.plus(Duration.ofDays(5)), "Too far ahead"));
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StreamProxy proxy(List<ProxyFilter> filters, List<MappingRuleId> rules) {
        StreamProxy proxy = new StreamProxy(
                ProxyId.random(),
                "Living room",
                "living-room",
                List.of(news.id()),
                List.of(guide.id()),
                filters,
                rules.stream().map(ProxyMappingRule::on).toList(),
                Numbering.DEFAULT,
                DeliveryMode.REDIRECT,
                null,
                new OutputSettings(true, null, true, false, false, 1, 2),
                null,
                NOW,
                NOW);
        store.proxies().insert(proxy);
        generator.generate(proxy.id());
        return proxy;
    }

    private int streamId(ProxyId proxy, String name) {
        List<XtreamChannel> found = new ArrayList<>();
        lineups.forEachChannel(proxy, c -> {
            if (c.name().equals(name)) {
                found.add(c);
            }
        });
        return found.get(0).streamId();
    }

    private List<String> titles(ProxyId proxy, String channel, Instant from, int limit) {
        List<String> titles = new ArrayList<>();
        guides.forEachProgramme(proxy, streamId(proxy, channel), from, limit, p -> titles.add(p.title()));
        return titles;
    }

    @Test
    void reads_the_stored_programmes_so_a_missing_published_guide_does_not_matter() throws IOException {
        StreamProxy proxy = proxy(List.of(), List.of());
        Files.delete(generator.guide(proxy.id()).orElseThrow());

        assertThat(titles(proxy.id(), "BBC One", NOW, 0)).containsExactly("News", "Weather", "Adult Night", "Film");
    }

    @Test
    void lists_from_the_given_time_but_not_before_the_proxy_window_nor_after_it() {
        StreamProxy proxy = proxy(List.of(), List.of());

        assertThat(titles(proxy.id(), "BBC One", Instant.EPOCH, 0))
                .containsExactly("Earlier", "News", "Weather", "Adult Night", "Film");
    }

    @Test
    void stops_at_the_limit() {
        StreamProxy proxy = proxy(List.of(), List.of());

        assertThat(titles(proxy.id(), "BBC One", NOW, 2)).containsExactly("News", "Weather");
    }

    @Test
    void applies_the_proxy_epg_mapping_and_filters_as_its_guide_does() {
        Filter adult = new Filter(
                FilterId.random(),
                "no adult",
                ExpressionDomain.EPG_FILTER,
                FilterAction.EXCLUDE,
                "programme_title contains \"adult\"");
        store.filters().insert(adult);
        DataMappingRule shout = new DataMappingRule(
                MappingRuleId.random(),
                "news in capitals",
                ExpressionDomain.EPG_MAPPING,
                "programme_title equals \"News\" SET programme_title = \"NEWS\"",
                true,
                100,
                false);
        store.mappingRules().insert(shout);
        StreamProxy proxy = proxy(List.of(new ProxyFilter(adult.id(), true)), List.of(shout.id()));

        assertThat(titles(proxy.id(), "BBC One", NOW, 0)).containsExactly("NEWS", "Weather", "Film");
    }

    @Test
    void gives_the_guide_id_of_the_published_guide_and_the_programme_text() {
        StreamProxy proxy = proxy(List.of(), List.of());
        List<XtreamProgramme> programmes = new ArrayList<>();

        guides.forEachProgramme(proxy.id(), streamId(proxy.id(), "BBC One"), NOW, 1, programmes::add);

        assertThat(programmes)
                .containsExactly(new XtreamProgramme(
                        "bbc1.uk",
                        NOW.minus(Duration.ofMinutes(10)),
                        NOW.plus(Duration.ofMinutes(20)),
                        "News",
                        "About News",
                        "en"));
    }

    @Test
    void lists_nothing_for_a_channel_without_a_guide_or_an_unknown_stream() {
        StreamProxy proxy = proxy(List.of(), List.of());

        assertThat(titles(proxy.id(), "Local TV", NOW, 0)).isEmpty();
        List<XtreamProgramme> unknown = new ArrayList<>();
        guides.forEachProgramme(proxy.id(), 12345, NOW, 0, unknown::add);
        assertThat(unknown).isEmpty();
    }
}
