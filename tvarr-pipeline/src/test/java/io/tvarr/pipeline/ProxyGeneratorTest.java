package io.tvarr.pipeline;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anEpgChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.logo.FetchedLogo;
import io.tvarr.domain.logo.LogoSettings;
import io.tvarr.domain.logo.port.out.LogoFetcher;
import io.tvarr.domain.logo.service.CachedLogos;
import io.tvarr.domain.logo.service.LogoDownloader;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.LineupChannel;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.ingest.m3u.M3uEntry;
import io.tvarr.ingest.m3u.M3uLimits;
import io.tvarr.ingest.m3u.M3uListener;
import io.tvarr.ingest.m3u.M3uParser;
import io.tvarr.ingest.xmltv.XmltvListener;
import io.tvarr.ingest.xmltv.XmltvOptions;
import io.tvarr.ingest.xmltv.XmltvParser;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import io.tvarr.persistence.logo.FileLogoStore;
import io.tvarr.pipeline.output.XmltvDtd;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

class ProxyGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    JdbiPersistence store;
    StreamSource news;
    StreamSource sport;
    EpgSource guide;
    Predicate<String> ingesting = id -> false;
    ProxyGenerator generator;

    @BeforeEach
    void open() {
        store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")));
        store.migrate();
        news = anM3uSource("news");
        sport = anM3uSource("sport");
        store.streamSources().insert(news);
        store.streamSources().insert(sport);
        guide = anXmltvSource("guide");
        store.epgSources().insert(guide);
        generator = generator(Duration.ofMillis(200));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ProxyGenerator generator(Duration maxWait) {
        return generator(maxWait, PipelineSettings.defaultGuideReaders());
    }

    private ProxyGenerator generator(Duration maxWait, int guideReaders) {
        return new ProxyGenerator(
                inputs(),
                new PipelineSettings(dir.resolve("proxies"), () -> "http://tv.local:8080/", guideReaders),
                new IngestionGuard(id -> ingesting.test(id), maxWait, Duration.ofMillis(5)),
                CLOCK);
    }

    private PipelineInputs inputs() {
        return new PipelineInputs(
                        store.proxies(),
                        store.streamSources(),
                        store.channels(),
                        store.epgSources(),
                        store.epg(),
                        store.filters(),
                        store.mappingRules(),
                        this::access)
                .withOverrides(store.channelOverrides())
                .withManualChannels(store.manualChannels());
    }

    private void channels(StreamSource source, Channel... channels) {
        store.channels().replaceAllForSource(source.id(), sink -> {
            for (Channel channel : channels) {
                sink.accept(channel);
            }
        });
    }

    private StreamProxy proxy(Numbering numbering, DeliveryMode mode, OutputSettings output) {
        return proxy(numbering, mode, output, List.of(), List.of());
    }

    private StreamProxy proxy(
            Numbering numbering,
            DeliveryMode mode,
            OutputSettings output,
            List<ProxyFilter> filters,
            List<MappingRuleId> rules) {
        return proxyWithRules(
                numbering,
                mode,
                output,
                filters,
                rules.stream().map(ProxyMappingRule::on).toList());
    }

    private StreamProxy proxyWithRules(
            Numbering numbering,
            DeliveryMode mode,
            OutputSettings output,
            List<ProxyFilter> filters,
            List<ProxyMappingRule> rules) {
        StreamProxy proxy = new StreamProxy(
                ProxyId.random(),
                "Living room",
                "living-room",
                List.of(news.id(), sport.id()),
                List.of(guide.id()),
                filters,
                rules,
                numbering,
                mode,
                null,
                output,
                null,
                NOW,
                NOW);
        store.proxies().insert(proxy);
        return proxy;
    }

    private static OutputSettings output(boolean dedupe) {
        return new OutputSettings(true, null, true, false, dedupe, 1, 2);
    }

    private Filter filter(String name, FilterAction action, ExpressionDomain domain, String expression) {
        Filter filter = new Filter(FilterId.random(), name, domain, action, expression);
        store.filters().insert(filter);
        return filter;
    }

    private MappingRuleId rule(String name, ExpressionDomain domain, String expression) {
        DataMappingRule rule = new DataMappingRule(MappingRuleId.random(), name, domain, expression, true, 100, false);
        store.mappingRules().insert(rule);
        return rule.id();
    }

    private List<M3uEntry> playlist(ProxyId id) throws IOException {
        List<M3uEntry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(generator.playlist(id).orElseThrow())) {
            new M3uParser(M3uLimits.DEFAULT).parse(in, new M3uListener() {
                @Override
                public void entry(M3uEntry entry) {
                    entries.add(entry);
                }

                @Override
                public void malformed(int line, String reason) {
                    throw new AssertionError("line " + line + ": " + reason);
                }
            });
        }
        return entries;
    }

    private record Guide(List<EpgChannel> channels, List<EpgProgramme> programmes) {}

    private Guide guide(ProxyId id) throws IOException {
        Guide read = new Guide(new ArrayList<>(), new ArrayList<>());
        try (InputStream in = Files.newInputStream(generator.guide(id).orElseThrow())) {
            new XmltvParser().parse(in, new XmltvOptions(guide.id(), ZoneOffset.UTC, 0), new XmltvListener() {
                @Override
                public void channel(EpgChannel channel) {
                    read.channels().add(channel);
                }

                @Override
                public void programme(EpgProgramme programme) {
                    read.programmes().add(programme);
                }

                @Override
                public void malformed(int line, int column, String reason) {
                    throw new AssertionError("line " + line + ":" + column + ": " + reason);
                }
            });
        }
        return read;
    }

    private List<LineupChannel> lineup(ProxyId id) {
        List<LineupChannel> channels = new ArrayList<>();
        new PublishedLineups(
                        generator, new PipelineSettings(dir.resolve("proxies"), "http://tv.local:8080/"), this::access)
                .forEachChannel(id, channels::add);
        return channels;
    }

    private OutputAccess access(ProxyId id) {
        return store.outputAccess().findByProxy(id).orElseGet(() -> OutputAccess.defaults(id));
    }

    private static List<String> numbers(List<M3uEntry> entries) {
        return entries.stream().map(e -> e.attributes().get("tvg-chno")).toList();
    }

    private static List<String> names(List<M3uEntry> entries) {
        return entries.stream().map(M3uEntry::title).toList();
    }

    @Nested
    class Numbering_modes {
        @BeforeEach
        void channels() {
            ProxyGeneratorTest.this.channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .named("BBC News")
                            .withNumber("7")
                            .inGroup("News")
                            .build(),
                    aChannel().from(news.id()).named("CNN").inGroup("News").build(),
                    aChannel()
                            .from(news.id())
                            .named("Weather")
                            .withNumber("7")
                            .inGroup("Info")
                            .build());
            ProxyGeneratorTest.this.channels(
                    sport,
                    aChannel()
                            .from(sport.id())
                            .named("Sky Sports")
                            .withNumber("3")
                            .inGroup("Sport")
                            .build(),
                    aChannel()
                            .from(sport.id())
                            .named("Eurosport")
                            .withNumber("x")
                            .inGroup("Sport")
                            .build());
        }

        @Test
        void sequential_numbers_in_source_order_from_the_start() throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.SEQUENTIAL, 100, 100), DeliveryMode.REDIRECT, output(false));

            generator.generate(proxy.id());

            List<M3uEntry> entries = playlist(proxy.id());
            assertThat(names(entries)).containsExactly("BBC News", "CNN", "Weather", "Sky Sports", "Eurosport");
            assertThat(numbers(entries)).containsExactly("100", "101", "102", "103", "104");
        }

        @Test
        void settings_for_the_playlist_and_guide_only_publish_the_same_playlist_and_no_serving_files()
                throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.SEQUENTIAL, 100, 100), DeliveryMode.REDIRECT, output(false));
            generator.generate(proxy.id());
            byte[] served = Files.readAllBytes(generator.playlist(proxy.id()).orElseThrow());
            ProxyGenerator oneShot = new ProxyGenerator(
                    inputs(),
                    new PipelineSettings(dir.resolve("one-shot"), () -> "http://tv.local:8080/", 1)
                            .playlistAndGuideOnly(),
                    new IngestionGuard(id -> false, Duration.ZERO, Duration.ofMillis(5)),
                    CLOCK);

            GenerationReport report = oneShot.generate(proxy.id());

            Path playlist = oneShot.playlist(proxy.id()).orElseThrow();
            assertThat(Files.readAllBytes(playlist)).isEqualTo(served);
            assertThat(report.channels()).isEqualTo(5);
            try (var files = Files.list(playlist.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("playlist.m3u", "epg.xml");
            }
        }

        @Test
        void preserve_keeps_provider_numbers_and_numbers_the_rest_after_the_highest() throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.PRESERVE, 1, 100), DeliveryMode.REDIRECT, output(false));

            generator.generate(proxy.id());
            List<String> first = numbers(playlist(proxy.id()));
            generator.generate(proxy.id());

            // BBC News keeps 7, Weather's 7 is taken, Sky Sports keeps 3, Eurosport has no usable number
            assertThat(first).containsExactly("7", "8", "9", "3", "10");
            assertThat(numbers(playlist(proxy.id()))).isEqualTo(first);
        }

        @Test
        void preserve_numbers_after_the_highest_number_the_filters_keep() throws IOException {
            Filter noBbc = filter(
                    "no bbc", FilterAction.EXCLUDE, ExpressionDomain.STREAM_FILTER, "channel_name == \"BBC News\"");
            StreamProxy proxy = proxy(
                    new Numbering(NumberingMode.PRESERVE, 1, 100),
                    DeliveryMode.REDIRECT,
                    output(false),
                    List.of(new ProxyFilter(noBbc.id(), true)),
                    List.of());

            generator.generate(proxy.id());

            // BBC News' 7 is filtered out, so Weather keeps 7 and the rest number from 8
            assertThat(numbers(playlist(proxy.id()))).containsExactly("8", "7", "3", "9");
        }

        @Test
        void source_based_gives_each_source_a_block() throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.SOURCE_BASED, 1, 1000), DeliveryMode.REDIRECT, output(false));

            generator.generate(proxy.id());

            assertThat(numbers(playlist(proxy.id()))).containsExactly("1", "2", "3", "1001", "1002");
        }

        @Test
        void group_gives_each_group_a_block_in_first_seen_order() throws IOException {
            StreamProxy proxy = proxy(new Numbering(NumberingMode.GROUP, 1, 100), DeliveryMode.REDIRECT, output(false));

            generator.generate(proxy.id());

            assertThat(numbers(playlist(proxy.id()))).containsExactly("1", "2", "101", "201", "202");
        }
    }

    @Nested
    class Overrides {
        private Channel bbc;
        private Channel cnn;
        private Channel weather;

        @BeforeEach
        void channels() {
            bbc = aChannel()
                    .from(news.id())
                    .withKey("m3u:|/bbc")
                    .named("UK: BBC News")
                    .inGroup("News")
                    .build();
            cnn = aChannel()
                    .from(news.id())
                    .withKey("m3u:|/cnn")
                    .named("CNN")
                    .inGroup("News")
                    .build();
            weather = aChannel()
                    .from(news.id())
                    .withKey("m3u:|/wx")
                    .named("Weather")
                    .inGroup("Info")
                    .build();
            ProxyGeneratorTest.this.channels(news, bbc, cnn, weather);
        }

        private void override(StreamProxy proxy, Channel channel, String name, Integer number, boolean hidden) {
            store.channelOverrides()
                    .save(new ChannelOverride(proxy.id(), channel.id(), name, number, null, null, null, hidden, NOW));
        }

        @Test
        void an_override_wins_over_the_mapping_rules_and_filters_see_its_values() throws IOException {
            MappingRuleId strip = rule(
                    "strip prefix",
                    ExpressionDomain.STREAM_MAPPING,
                    "channel_name matches \"^[A-Z]{2}: (.*)$\" SET channel_name = \"$1 (rule)\"");
            Filter mine = filter(
                    "mine only",
                    FilterAction.INCLUDE,
                    ExpressionDomain.STREAM_FILTER,
                    "channel_name contains \"Mine\"");
            StreamProxy proxy = proxy(
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    output(false),
                    List.of(new ProxyFilter(mine.id(), true)),
                    List.of(strip));
            override(proxy, bbc, "Mine: BBC", null, false);

            generator.generate(proxy.id());

            assertThat(names(playlist(proxy.id()))).containsExactly("Mine: BBC");
        }

        @Test
        void hidden_drops_the_channel_and_the_report_says_why() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));
            override(proxy, cnn, null, null, true);

            GenerationReport report = generator.generate(proxy.id());

            assertThat(names(playlist(proxy.id()))).containsExactly("UK: BBC News", "Weather");
            assertThat(report.stages())
                    .filteredOn(s -> s.stage().equals("overrides"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.dropped()).containsEntry("hidden_by_override", 1L));
        }

        @Test
        void a_pinned_number_is_kept_and_no_other_channel_gets_it() throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.SEQUENTIAL, 1, 100), DeliveryMode.REDIRECT, output(false));
            override(proxy, weather, null, 2, false);

            generator.generate(proxy.id());

            assertThat(numbers(playlist(proxy.id()))).containsExactly("1", "3", "2");
        }
    }

    @Nested
    class Manual_channels {
        @BeforeEach
        void channels() {
            ProxyGeneratorTest.this.channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .withKey("m3u:|/bbc")
                            .named("BBC News")
                            .build(),
                    aChannel().from(news.id()).withKey("m3u:|/cnn").named("CNN").build());
        }

        private ManualChannel manual(StreamProxy proxy, String name, @Nullable Integer number, int position) {
            ManualChannel channel = new ManualChannel(
                    new ChannelId(java.util.UUID.randomUUID()),
                    proxy.id(),
                    name,
                    "https://cdn.example/" + position + ".m3u8",
                    null,
                    null,
                    "Mine",
                    number,
                    null,
                    position,
                    NOW);
            store.manualChannels().saveAll(List.of(channel));
            return channel;
        }

        @Test
        void follow_the_sources_channels_in_their_order_with_their_number_kept() throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.SEQUENTIAL, 1, 100), DeliveryMode.REDIRECT, output(false));
            manual(proxy, "Local News", 1, 0);
            manual(proxy, "Town TV", null, 1);

            generator.generate(proxy.id());

            var playlist = playlist(proxy.id());
            assertThat(names(playlist)).containsExactly("BBC News", "CNN", "Local News", "Town TV");
            assertThat(numbers(playlist)).containsExactly("2", "3", "1", "4");
            assertThat(playlist.get(2).url()).isEqualTo("https://cdn.example/0.m3u8");
        }

        @Test
        void go_through_the_proxys_filters_and_rules_like_any_channel() throws IOException {
            MappingRuleId suffix = rule(
                    "suffix",
                    ExpressionDomain.STREAM_MAPPING,
                    "group_title == \"Mine\" SET channel_name = \"Mine: Local\"");
            Filter mine = filter(
                    "mine only", FilterAction.INCLUDE, ExpressionDomain.STREAM_FILTER, "group_title == \"Mine\"");
            StreamProxy proxy = proxy(
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    output(false),
                    List.of(new ProxyFilter(mine.id(), true)),
                    List.of(suffix));
            manual(proxy, "Local News", null, 0);

            generator.generate(proxy.id());

            assertThat(names(playlist(proxy.id()))).containsExactly("Mine: Local");
        }

        @Test
        void belong_to_their_proxy_only() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));
            StreamProxy other = io.tvarr.domain.TestData.aProxy("kitchen", news.id());
            store.proxies().insert(other);
            manual(other, "Theirs", null, 0);

            generator.generate(proxy.id());

            assertThat(names(playlist(proxy.id()))).containsExactly("BBC News", "CNN");
        }
    }

    @Nested
    class Rules_and_filters {
        @BeforeEach
        void channels() {
            ProxyGeneratorTest.this.channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .named("UK: BBC News HD")
                            .inGroup("UK News")
                            .build(),
                    aChannel()
                            .from(news.id())
                            .named("US: CNN")
                            .inGroup("US News")
                            .build(),
                    aChannel()
                            .from(news.id())
                            .named("UK: Adult Night")
                            .inGroup("XXX")
                            .build());
        }

        @Test
        void mapping_runs_before_filtering_and_both_follow_the_proxy_order() throws IOException {
            MappingRuleId strip = rule(
                    "strip prefix",
                    ExpressionDomain.STREAM_MAPPING,
                    "channel_name matches \"^[A-Z]{2}: (.*)$\" SET channel_name = \"$1\"");
            Filter uk = filter(
                    "UK only", FilterAction.INCLUDE, ExpressionDomain.STREAM_FILTER, "group_title starts_with \"UK\"");
            Filter adult = filter(
                    "no adult",
                    FilterAction.EXCLUDE,
                    ExpressionDomain.STREAM_FILTER,
                    "channel_name contains \"adult\"");
            Filter inactive = filter("nothing", FilterAction.EXCLUDE, ExpressionDomain.STREAM_FILTER, "true");
            StreamProxy proxy = proxy(
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    output(false),
                    List.of(
                            new ProxyFilter(uk.id(), true),
                            new ProxyFilter(adult.id(), true),
                            new ProxyFilter(inactive.id(), false)),
                    List.of(strip));

            GenerationReport report = generator.generate(proxy.id());

            assertThat(names(playlist(proxy.id()))).containsExactly("BBC News HD");
            assertThat(report.stages())
                    .filteredOn(s -> s.stage().equals("filtering"))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.in()).isEqualTo(3);
                        assertThat(s.out()).isEqualTo(1);
                    });
        }

        @Test
        void a_rule_switched_off_for_the_proxy_changes_nothing_while_the_others_apply() throws IOException {
            MappingRuleId strip = rule(
                    "strip prefix",
                    ExpressionDomain.STREAM_MAPPING,
                    "channel_name matches \"^[A-Z]{2}: (.*)$\" SET channel_name = \"$1\"");
            MappingRuleId shout = rule(
                    "shout",
                    ExpressionDomain.STREAM_MAPPING,
                    "channel_name contains \"BBC\" SET channel_name = \"SWITCHED OFF RULE RAN\"");
            StreamProxy proxy = proxyWithRules(
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    output(false),
                    List.of(),
                    List.of(ProxyMappingRule.on(strip), new ProxyMappingRule(shout, false)));

            generator.generate(proxy.id());

            assertThat(names(playlist(proxy.id()))).contains("BBC News HD").doesNotContain("SWITCHED OFF RULE RAN");
        }

        @Test
        void a_stored_expression_that_no_longer_compiles_fails_naming_the_filter_and_keeps_the_old_outputs()
                throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));
            generator.generate(proxy.id());
            byte[] before = Files.readAllBytes(generator.playlist(proxy.id()).orElseThrow());
            Filter broken =
                    filter("broken", FilterAction.INCLUDE, ExpressionDomain.STREAM_FILTER, "channel_name contains");
            store.proxies().update(withFilters(proxy, List.of(new ProxyFilter(broken.id(), true))));

            assertThatThrownBy(() -> generator.generate(proxy.id()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("filter 'broken'")
                    .hasMessageContaining("column");

            assertThat(Files.readAllBytes(generator.playlist(proxy.id()).orElseThrow()))
                    .isEqualTo(before);
            assertThat(generator.status(proxy.id()).lastError()).contains("filter 'broken'");
            assertThat(generator.status(proxy.id()).lastReport()).isNotNull();
            try (var files =
                    Files.list(generator.playlist(proxy.id()).orElseThrow().getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(
                                "playlist.m3u",
                                "epg.xml",
                                "lineup.tsv",
                                "xtream-lineup.tsv",
                                "merged.tsv",
                                "guide-matches.tsv");
            }
        }
    }

    private static StreamProxy withFilters(StreamProxy p, List<ProxyFilter> filters) {
        return new StreamProxy(
                p.id(),
                p.name(),
                p.slug(),
                p.sources(),
                p.epgSources(),
                filters,
                p.mappingRules(),
                p.numbering(),
                p.deliveryMode(),
                p.relayProfile(),
                p.output(),
                p.schedule(),
                p.createdAt(),
                p.updatedAt());
    }

    @Nested
    class Delivery {
        @BeforeEach
        void channels() {
            ProxyGeneratorTest.this.channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .withKey("a")
                            .named("A, \"quoted\" name")
                            .withUrl("http://up.example/1.ts")
                            .withAttribute("http-user-agent", "Provider/1.0")
                            .withAttribute("catchup", "default")
                            .build(),
                    aChannel()
                            .from(news.id())
                            .withKey("b")
                            .named("Copy")
                            .withUrl("http://up.example/1.ts")
                            .build());
        }

        @Test
        void redirect_publishes_upstream_urls_with_the_provider_headers() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));

            generator.generate(proxy.id());

            List<M3uEntry> entries = playlist(proxy.id());
            assertThat(entries.get(0).url()).isEqualTo("http://up.example/1.ts");
            assertThat(entries.get(0).title()).isEqualTo("A, \"quoted\" name");
            assertThat(entries.get(0).options()).containsEntry("http-user-agent", "Provider/1.0");
            assertThat(entries.get(0).attributes()).containsEntry("catchup", "default");
            assertThat(Files.readString(generator.playlist(proxy.id()).orElseThrow()))
                    .startsWith("#EXTM3U url-tvg=\"http://tv.local:8080/proxy/" + proxy.id() + ".xmltv\"");
        }

        @Test
        void proxy_mode_points_players_at_tvarr_and_keeps_headers_to_itself() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.PROXY, output(false));

            generator.generate(proxy.id());

            List<M3uEntry> entries = playlist(proxy.id());
            Channel first = store.channels()
                    .findPage(new ChannelQuery(news.id(), null, null, 0, 10))
                    .items()
                    .get(0);
            assertThat(entries.get(0).url()).isEqualTo("http://tv.local:8080/proxy/" + proxy.id() + "/" + first.id());
            assertThat(entries.get(0).options()).isEmpty();
        }

        @Test
        void a_token_proxy_names_itself_by_its_token_in_stream_guide_and_tuner_urls() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.PROXY, output(false));
            String token = "Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC";
            store.outputAccess()
                    .save(new OutputAccess(proxy.id(), AccessMode.TOKEN, OutputAccess.PRIVATE_RANGES, token));

            generator.generate(proxy.id());

            Channel first = store.channels()
                    .findPage(new ChannelQuery(news.id(), null, null, 0, 10))
                    .items()
                    .get(0);
            assertThat(playlist(proxy.id()).get(0).url())
                    .isEqualTo("http://tv.local:8080/proxy/" + token + "/" + first.id());
            assertThat(Files.readString(generator.playlist(proxy.id()).orElseThrow()))
                    .startsWith("#EXTM3U url-tvg=\"http://tv.local:8080/proxy/" + token + ".xmltv\"")
                    .doesNotContain(proxy.id().toString());
            assertThat(lineup(proxy.id()).get(0).streamUrl())
                    .isEqualTo("http://tv.local:8080/proxy/" + token + "/" + first.id() + "?tuner=1");
        }

        @Test
        void deduplication_keeps_the_first_channel_of_each_stream_url() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(true));

            GenerationReport report = generator.generate(proxy.id());

            assertThat(names(playlist(proxy.id()))).containsExactly("A, \"quoted\" name");
            assertThat(report.channels()).isEqualTo(1);
        }

        @Test
        void the_report_says_why_deduplication_dropped_channels() {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(true));

            GenerationReport report = generator.generate(proxy.id());

            assertThat(report.stages())
                    .filteredOn(s -> s.stage().equals("deduplication"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.dropped()).isEqualTo(Map.of("duplicate_stream_url", s.in() - 1)));
        }
    }

    @Nested
    class Guide_selection {
        @BeforeEach
        void data() {
            ProxyGeneratorTest.this.channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .named("BBC One")
                            .withTvgId("bbc1.uk")
                            .inGroup("UK")
                            .build(),
                    aChannel()
                            .from(news.id())
                            .named("ITV")
                            .withTvgId("ITV1.UK")
                            .inGroup("UK")
                            .build(),
                    aChannel()
                            .from(news.id())
                            .named("UK: Channel 4 HD")
                            .withTvgId(null)
                            .inGroup("UK")
                            .build(),
                    aChannel()
                            .from(news.id())
                            .named("Local TV")
                            .withTvgId("nowhere")
                            .inGroup("UK")
                            .build());
            store.epg().replaceAllForSource(guide.id(), sink -> {
                sink.channel(anEpgChannel(guide.id(), "bbc1.uk", "BBC One"));
                sink.channel(anEpgChannel(guide.id(), "itv1.uk", "ITV 1"));
                sink.channel(anEpgChannel(guide.id(), "c4.uk", "Channel 4"));
                sink.channel(anEpgChannel(guide.id(), "unused.uk", "Unused"));
                sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW, "News"));
                sink.programme(aProgramme(guide.id(), "bbc1.uk", NOW.plus(Duration.ofDays(5)), "Too far ahead"));
                sink.programme(aProgramme(guide.id(), "itv1.uk", NOW, "Quiz"));
                sink.programme(aProgramme(guide.id(), "c4.uk", NOW, "Film"));
                sink.programme(aProgramme(guide.id(), "unused.uk", NOW, "Nobody watches"));
            });
        }

        @Test
        void matches_by_id_then_case_then_normalised_name_and_writes_matching_ids() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));

            GenerationReport report = generator.generate(proxy.id());

            List<M3uEntry> entries = playlist(proxy.id());
            assertThat(entries.stream().map(e -> e.attributes().get("tvg-id")))
                    .containsExactly("bbc1.uk", "itv1.uk", "c4.uk", "nowhere");
            Guide written = guide(proxy.id());
            assertThat(written.channels())
                    .extracting(EpgChannel::id)
                    .containsExactlyInAnyOrder("bbc1.uk", "itv1.uk", "c4.uk");
            assertThat(written.programmes())
                    .extracting(EpgProgramme::title)
                    .containsExactlyInAnyOrder("News", "Quiz", "Film");
            assertThat(report.unmatchedEpgChannels()).containsExactly("Local TV");
            assertThat(report.unmatchedCount()).isEqualTo(1);
            assertThat(report.programmes()).isEqualTo(3);
        }

        @Test
        void the_lineup_lists_the_playlist_in_order_with_its_numbers_guide_ids_and_tuner_urls() throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.SEQUENTIAL, 100, 100), DeliveryMode.REDIRECT, output(false));
            generator.generate(proxy.id());

            List<LineupChannel> lineup = lineup(proxy.id());

            List<M3uEntry> entries = playlist(proxy.id());
            assertThat(lineup).extracting(LineupChannel::name).containsExactlyElementsOf(names(entries));
            assertThat(lineup).extracting(LineupChannel::number).containsExactly("100", "101", "102", "103");
            assertThat(lineup)
                    .extracting(LineupChannel::guideId)
                    .containsExactly("bbc1.uk", "itv1.uk", "c4.uk", "nowhere");
            assertThat(lineup).extracting(LineupChannel::group).containsOnly("UK");
            assertThat(lineup.get(0).streamUrl())
                    .isEqualTo("http://tv.local:8080/proxy/" + proxy.id() + "/"
                            + lineup.get(0).channel() + "?tuner=1");
        }

        /**
         * Plex maps an XMLTV guide to a tuner's channels by channel number: a guide channel whose display-names
         * hold the lineup's GuideNumber. Jellyfin (and Emby) match an HDHomeRun channel by its number, then by
         * name: GuideName against the guide channel's first display-name.
         */
        @ParameterizedTest
        @ValueSource(strings = {"SEQUENTIAL", "PRESERVE"})
        void each_tuner_channel_with_a_guide_finds_it_by_its_number_and_by_its_name(String mode) throws IOException {
            StreamProxy proxy =
                    proxy(new Numbering(NumberingMode.valueOf(mode), 100, 100), DeliveryMode.REDIRECT, output(false));
            generator.generate(proxy.id());

            List<LineupChannel> lineup = lineup(proxy.id());
            Map<String, EpgChannel> guideChannels = new HashMap<>();
            guide(proxy.id()).channels().forEach(c -> guideChannels.put(c.id(), c));

            List<LineupChannel> guided = lineup.stream()
                    .filter(c -> c.guideId() != null && guideChannels.containsKey(c.guideId()))
                    .toList();
            assertThat(guided).hasSize(3);
            for (LineupChannel channel : guided) {
                List<String> names = guideChannels.get(channel.guideId()).displayNames().stream()
                        .map(LocalizedText::text)
                        .toList();
                assertThat(names).as(channel.name()).startsWith(channel.name()).contains(channel.number());
                assertThat(guideChannels.values().stream()
                                .filter(c -> c.displayNames().stream()
                                        .anyMatch(n -> n.text().equals(channel.number()))))
                        .as("only one guide channel carries number " + channel.number())
                        .hasSize(1);
            }
        }

        @Test
        void a_proxy_generated_before_lineups_existed_is_generated_again_on_the_first_read() throws IOException {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.PROXY, output(false));
            generator.generate(proxy.id());
            Files.delete(generator.lineup(proxy.id()).orElseThrow());

            assertThat(lineup(proxy.id())).hasSize(4);
            assertThat(generator.lineup(proxy.id())).isPresent();
        }

        @Test
        void the_published_guide_is_valid_against_the_xmltv_dtd() throws Exception {
            Path dtd = XmltvDtd.require();
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));
            generator.generate(proxy.id());
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setValidating(true);
            var builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(Files.newInputStream(dtd)));
            List<String> errors = new ArrayList<>();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });

            builder.parse(generator.guide(proxy.id()).orElseThrow().toFile());

            assertThat(errors).isEmpty();
        }

        @Test
        void epg_rules_and_filters_apply_to_programmes() throws IOException {
            MappingRuleId shout = rule(
                    "shout",
                    ExpressionDomain.EPG_MAPPING,
                    "programme_title equals \"quiz\" SET programme_title = \"QUIZ!\"");
            Filter noFilms = filter(
                    "no films", FilterAction.EXCLUDE, ExpressionDomain.EPG_FILTER, "programme_title equals \"Film\"");
            StreamProxy proxy = proxy(
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    output(false),
                    List.of(new ProxyFilter(noFilms.id(), true)),
                    List.of(shout));

            generator.generate(proxy.id());

            assertThat(guide(proxy.id()).programmes())
                    .extracting(EpgProgramme::title)
                    .containsExactlyInAnyOrder("News", "QUIZ!");
        }
    }

    @Nested
    class A_guide_that_gives_nothing_is_named_with_the_reason {
        @Test
        void when_none_of_its_channels_matched() {
            channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .named("One")
                            .withTvgId("one.example")
                            .build());
            store.epg().replaceAllForSource(guide.id(), sink -> sink.channel(anEpgChannel(guide.id(), "x", "Other")));
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));

            GenerationReport report = generator.generate(proxy.id());

            assertThat(report.warnings())
                    .anySatisfy(w -> assertThat(w)
                            .startsWith("guide 'guide': no programmes")
                            .contains("none of its channels matched"));
        }

        @Test
        void when_its_programmes_are_all_outside_the_window() {
            channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .named("One")
                            .withTvgId("one.example")
                            .build());
            store.epg().replaceAllForSource(guide.id(), sink -> {
                sink.channel(anEpgChannel(guide.id(), "one.example", "One"));
                sink.programme(aProgramme(guide.id(), "one.example", NOW.plus(Duration.ofDays(30)), "Later"));
            });
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));

            GenerationReport report = generator.generate(proxy.id());

            assertThat(report.warnings())
                    .anySatisfy(w -> assertThat(w).contains("guide 'guide'").contains("have no programme between"));
        }

        @Test
        void when_the_proxys_filters_dropped_them_all() {
            channels(
                    news,
                    aChannel()
                            .from(news.id())
                            .named("One")
                            .withTvgId("one.example")
                            .build());
            store.epg().replaceAllForSource(guide.id(), sink -> {
                sink.channel(anEpgChannel(guide.id(), "one.example", "One"));
                sink.programme(aProgramme(guide.id(), "one.example", NOW, "Film"));
            });
            Filter noFilms = filter(
                    "no films", FilterAction.EXCLUDE, ExpressionDomain.EPG_FILTER, "programme_title equals \"Film\"");
            StreamProxy proxy = proxy(
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    output(false),
                    List.of(new ProxyFilter(noFilms.id(), true)),
                    List.of());

            GenerationReport report = generator.generate(proxy.id());

            assertThat(report.warnings())
                    .anySatisfy(w -> assertThat(w).contains("guide 'guide'").contains("filters dropped all 1"));
        }
    }

    @Nested
    class Ingestion_guard {
        @Test
        void generation_waits_for_a_running_ingestion_and_warns_when_it_gives_up() {
            channels(news, aChannel().from(news.id()).named("One").build());
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));
            ingesting = id -> id.equals(news.id().toString());

            GenerationReport report = generator.generate(proxy.id());

            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("ingestion still running"));
            assertThat(report.channels()).isEqualTo(1);
        }

        @Test
        void a_second_generation_of_the_same_proxy_is_refused_while_one_runs() {
            StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));
            List<RuntimeException> nested = new ArrayList<>();
            ingesting = id -> {
                if (nested.isEmpty()) {
                    try {
                        generator.generate(proxy.id());
                    } catch (RuntimeException e) {
                        nested.add(e);
                    }
                }
                return false;
            };

            generator.generate(proxy.id());

            assertThat(nested).singleElement().isInstanceOf(ConflictException.class);
            assertThat(generator.status(proxy.id()).running()).isFalse();
        }
    }

    /** Enough programmes for several chunks per guide half, so that the two halves interleave. */
    private void bigGuide(int channels, int perChannel) {
        List<Channel> playlist = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            playlist.add(aChannel()
                    .from(news.id())
                    .withKey("k" + c)
                    .named("Channel " + c)
                    .withTvgId("ch" + c + ".example")
                    .build());
        }
        channels(news, playlist.toArray(Channel[]::new));
        store.epg().replaceAllForSource(guide.id(), sink -> {
            for (int c = 0; c < channels; c++) {
                sink.channel(anEpgChannel(guide.id(), "ch" + c + ".example", "Channel " + c));
            }
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < perChannel; p++) {
                    sink.programme(aProgramme(
                            guide.id(), "ch" + c + ".example", NOW.plus(Duration.ofMinutes(30L * p)), "Show " + p));
                }
            }
        });
    }

    @Test
    void expression_errors_of_both_guide_readers_reach_the_report() {
        bigGuide(40, 60);
        Filter broken =
                filter("numeric on text", FilterAction.EXCLUDE, ExpressionDomain.EPG_FILTER, "programme_title > 5");
        StreamProxy proxy = proxy(
                Numbering.DEFAULT,
                DeliveryMode.REDIRECT,
                output(false),
                List.of(new ProxyFilter(broken.id(), true)),
                List.of());
        generator = generator(Duration.ofMillis(200), 2);

        GenerationReport report = generator.generate(proxy.id());

        assertThat(report.programmes()).isEqualTo(40 * 60);
        assertThat(report.evaluationErrors()).isEqualTo(40 * 60);
        assertThat(report.warnings())
                .anySatisfy(
                        w -> assertThat(w).startsWith("2400 expression evaluations failed; first: programme_title"));
        assertThat(report.stages())
                .filteredOn(stage -> stage.stage().equals("epg_filtering"))
                .singleElement()
                .satisfies(stage -> assertThat(stage.in()).isEqualTo(2400));
    }

    @Test
    void two_guide_readers_write_every_programme_once_grouped_by_channel_and_the_same_on_every_run()
            throws IOException {
        int channels = 40;
        int perChannel = 60;
        bigGuide(channels, perChannel);
        StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));

        generator = generator(Duration.ofMillis(200), 1);
        generator.generate(proxy.id());
        List<EpgProgramme> oneReader = guide(proxy.id()).programmes();
        generator = generator(Duration.ofMillis(200), 2);
        generator.generate(proxy.id());
        byte[] first = Files.readAllBytes(generator.guide(proxy.id()).orElseThrow());
        List<EpgProgramme> twoReaders = guide(proxy.id()).programmes();
        generator.generate(proxy.id());
        byte[] second = Files.readAllBytes(generator.guide(proxy.id()).orElseThrow());

        assertThat(twoReaders).hasSize(channels * perChannel).containsExactlyInAnyOrderElementsOf(oneReader);
        assertThat(second)
                .as("regenerating unchanged inputs writes the same bytes")
                .isEqualTo(first);
        List<String> channelOrder = new ArrayList<>();
        for (int i = 0; i < twoReaders.size(); i++) {
            EpgProgramme programme = twoReaders.get(i);
            if (i == 0 || !twoReaders.get(i - 1).channelId().equals(programme.channelId())) {
                channelOrder.add(programme.channelId());
            } else {
                assertThat(programme.start()).isAfter(twoReaders.get(i - 1).start());
            }
        }
        assertThat(channelOrder).as("each channel's programmes in one run").hasSize(channels);
        assertThat(channelOrder)
                .as("the halves interleave")
                .isNotEqualTo(channelOrder.stream().sorted().toList());
    }

    @Test
    void logo_caching_points_the_playlist_at_cached_copies_and_reports_failures() throws IOException {
        channels(
                news,
                aChannel()
                        .from(news.id())
                        .withKey("a")
                        .named("A")
                        .withLogo("http://img.example/a.png")
                        .build(),
                aChannel()
                        .from(news.id())
                        .withKey("b")
                        .named("B")
                        .withLogo("http://img.example/broken.png")
                        .build());
        LogoFetcher fetcher = (url, etag, lastModified, maxBytes) -> {
            if (url.endsWith("a.png")) {
                return new FetchedLogo(
                        false, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, null, null);
            }
            throw new UpstreamException(url + ": http 404");
        };
        LogoDownloader logos = new LogoDownloader(
                new CachedLogos(store.logos(), new FileLogoStore(dir.resolve("logos")), store.logoFailures(), CLOCK),
                fetcher,
                LogoSettings.DEFAULT,
                Runnable::run);
        ProxyGenerator withLogos = new ProxyGenerator(
                new PipelineInputs(
                        store.proxies(),
                        store.streamSources(),
                        store.channels(),
                        store.epgSources(),
                        store.epg(),
                        store.filters(),
                        store.mappingRules()),
                new PipelineSettings(dir.resolve("proxies"), "http://tv.local:8080"),
                new IngestionGuard(id -> false, Duration.ZERO, Duration.ofMillis(1)),
                logos,
                CLOCK);
        StreamProxy proxy = proxy(
                Numbering.DEFAULT, DeliveryMode.REDIRECT, new OutputSettings(true, null, true, true, false, 1, 2));

        GenerationReport report = withLogos.generate(proxy.id());

        List<M3uEntry> entries = playlist(proxy.id());
        assertThat(entries.get(0).attributes().get("tvg-logo"))
                .matches("http://tv\\.local:8080/logos/[0-9a-f]{64}\\.png");
        assertThat(entries.get(1).attributes().get("tvg-logo")).isEqualTo("http://img.example/broken.png");
        assertThat(report.logoFailures()).isEqualTo(1);
        assertThat(report.failedLogos()).singleElement().asString().contains("broken.png", "404");
    }

    @Test
    void discard_removes_the_outputs() {
        StreamProxy proxy = proxy(Numbering.DEFAULT, DeliveryMode.REDIRECT, output(false));
        generator.generate(proxy.id());

        generator.discard(proxy.id());

        assertThat(generator.playlist(proxy.id())).isEmpty();
        assertThat(generator.status(proxy.id()).lastReport()).isNull();
    }
}
