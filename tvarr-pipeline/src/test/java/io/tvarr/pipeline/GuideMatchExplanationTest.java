package io.tvarr.pipeline;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anEpgChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GuideCandidate;
import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.GuidePinStatus;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesQuery;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generation tells how it matched each channel to the guide: per channel, in its report and for its pins. */
class GuideMatchExplanationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    JdbiPersistence store;
    StreamSource news;
    EpgSource guide;
    final PinsInMemory pins = new PinsInMemory();
    ProxyGenerator generator;
    PublishedGuideMatches matches;
    StreamProxy proxy;
    Channel bbc;
    Channel itv;
    Channel channel4;
    Channel walkingDead;
    Channel local;

    @BeforeEach
    void open() {
        store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")));
        store.migrate();
        news = anM3uSource("news");
        store.streamSources().insert(news);
        guide = anXmltvSource("guide");
        store.epgSources().insert(guide);
        generator = new ProxyGenerator(
                new PipelineInputs(
                                store.proxies(),
                                store.streamSources(),
                                store.channels(),
                                store.epgSources(),
                                store.epg(),
                                store.filters(),
                                store.mappingRules(),
                                io.tvarr.domain.output.OutputAccess::defaults)
                        .withGuideMatching(pins),
                new PipelineSettings(dir.resolve("proxies"), () -> "http://tv.local:8080/", 1),
                new IngestionGuard(id -> false, Duration.ofMillis(200), Duration.ofMillis(5)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        matches = new PublishedGuideMatches(generator, pins);
        bbc = aChannel().from(news.id()).named("BBC One").withTvgId("bbc1.uk").build();
        itv = aChannel().from(news.id()).named("ITV").withTvgId("ITV1.UK").build();
        channel4 = aChannel()
                .from(news.id())
                .named("UK: Channel 4 HD")
                .withTvgId(null)
                .build();
        walkingDead = aChannel()
                .from(news.id())
                .named("Walking Dead Universe Channel (1080p)")
                .withTvgId(null)
                .build();
        local = aChannel()
                .from(news.id())
                .named("Local Weather")
                .withTvgId("nowhere")
                .build();
        store.channels().replaceAllForSource(news.id(), sink -> {
            for (Channel channel : List.of(bbc, itv, channel4, walkingDead, local)) {
                sink.accept(channel);
            }
        });
        store.epg().replaceAllForSource(guide.id(), sink -> {
            sink.channel(anEpgChannel(guide.id(), "bbc1.uk", "BBC One"));
            sink.channel(anEpgChannel(guide.id(), "itv1.uk", "ITV 1"));
            sink.channel(anEpgChannel(guide.id(), "c4.uk", "Channel 4"));
            sink.channel(anEpgChannel(guide.id(), "twdu", "The Walking Dead Universe"));
            sink.channel(anEpgChannel(guide.id(), "weather", "Weather Nation"));
            sink.channel(anEpgChannel(guide.id(), "localnews", "Local News"));
        });
        proxy = new StreamProxy(
                ProxyId.random(),
                "Living room",
                "living-room",
                List.of(news.id()),
                List.of(guide.id()),
                List.of(),
                List.of(),
                Numbering.DEFAULT,
                DeliveryMode.REDIRECT,
                null,
                new OutputSettings(true, null, true, false, false, 1, 2),
                null,
                NOW,
                NOW);
        store.proxies().insert(proxy);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<GuideMatch> all() {
        List<GuideMatch> found = new ArrayList<>();
        matches.forEachMatch(new ListGuideMatchesQuery(proxy.id(), null, 0, 1000), found::add);
        return found;
    }

    @Nested
    class Report {
        @Test
        void counts_the_channels_each_tier_matched() {
            GenerationReport report = generator.generate(proxy.id());

            assertThat(report.guideMatchTiers())
                    .containsExactly(
                            Map.entry("pinned", 0L),
                            Map.entry("exact_id", 1L),
                            Map.entry("id_ignoring_case", 1L),
                            Map.entry("name", 1L),
                            Map.entry("similar", 1L),
                            Map.entry("unmatched", 1L));
            assertThat(report.unmatchedCount()).isEqualTo(1);
        }
    }

    @Nested
    class Matches {
        @Test
        void tell_each_channels_guide_channel_tier_and_score_in_playlist_order() {
            generator.generate(proxy.id());

            List<GuideMatch> found = all();

            assertThat(found)
                    .extracting(GuideMatch::channel, GuideMatch::tier)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(bbc.id(), GuideMatchTier.EXACT_ID),
                            org.assertj.core.groups.Tuple.tuple(itv.id(), GuideMatchTier.ID_IGNORING_CASE),
                            org.assertj.core.groups.Tuple.tuple(channel4.id(), GuideMatchTier.NAME),
                            org.assertj.core.groups.Tuple.tuple(walkingDead.id(), GuideMatchTier.SIMILAR),
                            org.assertj.core.groups.Tuple.tuple(local.id(), GuideMatchTier.UNMATCHED));
            GuideMatch similar = found.get(3);
            assertThat(similar.guide().guideChannelId()).isEqualTo("twdu");
            assertThat(similar.guide().name()).isEqualTo("The Walking Dead Universe");
            assertThat(similar.score()).isBetween(80, 99);
            assertThat(found.get(0).score()).isEqualTo(100);
        }

        @Test
        void give_an_unmatched_channel_its_best_candidates_with_scores() {
            generator.generate(proxy.id());

            GuideMatch unmatched = all().get(4);

            assertThat(unmatched.guide()).isNull();
            assertThat(unmatched.candidates())
                    .extracting(GuideCandidate::guideChannelId)
                    .containsExactly("localnews", "weather");
            assertThat(unmatched.candidates())
                    .allSatisfy(c -> assertThat(c.score()).isBetween(1, 79));
            assertThat(unmatched.score())
                    .isEqualTo(unmatched.candidates().get(0).score());
        }

        @Test
        void come_in_pages_and_by_tier() {
            generator.generate(proxy.id());
            List<GuideMatch> page = new ArrayList<>();

            long total = matches.forEachMatch(new ListGuideMatchesQuery(proxy.id(), null, 1, 2), page::add);

            assertThat(total).isEqualTo(5);
            assertThat(page).extracting(GuideMatch::channel).containsExactly(itv.id(), channel4.id());
            List<GuideMatch> unmatched = new ArrayList<>();
            assertThat(matches.forEachMatch(
                            new ListGuideMatchesQuery(proxy.id(), GuideMatchTier.UNMATCHED, 0, 10), unmatched::add))
                    .isEqualTo(1);
            assertThat(unmatched).extracting(GuideMatch::channel).containsExactly(local.id());
        }

        @Test
        void of_a_proxy_never_generated_generate_it_first() {
            assertThat(all()).hasSize(5);
        }

        @Test
        void of_a_missing_proxy_are_not_found() {
            assertThatThrownBy(() ->
                            matches.forEachMatch(new ListGuideMatchesQuery(ProxyId.random(), null, 0, 10), m -> {}))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Pins {
        @Test
        void a_pin_wins_over_every_tier_and_its_guide_channel_is_written() {
            pins.savePin(new GuidePin(proxy.id(), bbc.id(), "c4.uk", NOW));

            GenerationReport report = generator.generate(proxy.id());

            assertThat(all().get(0).tier()).isEqualTo(GuideMatchTier.PINNED);
            assertThat(all().get(0).guide().guideChannelId()).isEqualTo("c4.uk");
            assertThat(report.guideMatchTiers()).containsEntry("pinned", 1L).containsEntry("exact_id", 0L);
            List<GuidePinStatus> statuses = new ArrayList<>();
            matches.forEachPin(proxy.id(), statuses::add);
            assertThat(statuses)
                    .singleElement()
                    .satisfies(s -> assertThat(s.orphaned()).isFalse());
        }

        @Test
        void a_pin_whose_channel_vanished_is_listed_as_orphaned_and_kept() {
            ChannelId gone = aChannel().from(news.id()).named("Gone").build().id();
            pins.savePin(new GuidePin(proxy.id(), gone, "bbc1.uk", NOW));

            GenerationReport report = generator.generate(proxy.id());

            List<GuidePinStatus> statuses = new ArrayList<>();
            matches.forEachPin(proxy.id(), statuses::add);
            assertThat(statuses).singleElement().satisfies(s -> {
                assertThat(s.orphaned()).isTrue();
                assertThat(s.reason()).contains("not among the output channels");
                assertThat(s.pin().channel()).isEqualTo(gone);
            });
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("1 guide pins are orphaned"));
            assertThat(pins.pins).hasSize(1);
        }

        @Test
        void the_proxys_threshold_decides_the_similar_tier() {
            pins.settings = new GuideMatchSettings(100);

            GenerationReport report = generator.generate(proxy.id());

            assertThat(report.guideMatchTiers()).containsEntry("similar", 0L).containsEntry("unmatched", 2L);
        }
    }

    /** Pins and settings kept in memory, as a store would keep them. */
    static final class PinsInMemory implements GuideMatchRepository {
        final Map<ChannelId, GuidePin> pins = new LinkedHashMap<>();
        GuideMatchSettings settings = GuideMatchSettings.DEFAULT;

        @Override
        public void forEachPin(ProxyId proxy, Consumer<GuidePin> consumer) {
            pins.values().stream().filter(p -> p.proxy().equals(proxy)).forEach(consumer);
        }

        @Override
        public void savePin(GuidePin pin) {
            pins.put(pin.channel(), pin);
        }

        @Override
        public boolean deletePin(ProxyId proxy, ChannelId channel) {
            return pins.remove(channel) != null;
        }

        @Override
        public GuideMatchSettings settings(ProxyId proxy) {
            return settings;
        }

        @Override
        public void saveSettings(ProxyId proxy, GuideMatchSettings settings) {
            this.settings = settings;
        }
    }
}
