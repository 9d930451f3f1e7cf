package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aLocalXmltvSource;
import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anEpgChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static io.tvarr.domain.TestData.anXmltvSource;
import static io.tvarr.domain.TestData.anXtreamSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.StoredChannelKey;
import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.ProgrammeFlag;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceHandler;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.UnconfirmedDropException;
import io.tvarr.domain.ingestion.service.ChannelIngestionService;
import io.tvarr.domain.ingestion.service.ExclusiveIngestions;
import io.tvarr.domain.ingestion.service.GuideIngestionService;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every database must show. Subclasses only supply the database; batch sizes are tiny (7
 * channels, 11 programmes, fetch size 5) so batching and cursors are exercised with small data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceContract {
    private static final List<String> TABLES = List.of(
            "output_user",
            "proxy_mapping_rule",
            "proxy_filter",
            "proxy_epg_source",
            "proxy_source",
            "stream_proxy",
            "relay_profile",
            "mapping_rule",
            "filter",
            "epg_programme_block",
            "epg_channel",
            "epg_source",
            "channel",
            "ingestion_status",
            "stream_source",
            "last_known_codec",
            "logo_asset",
            "job");

    private TestDatabase database;
    JdbiPersistence store;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void empty_every_table() {
        store.database().withHandle(h -> {
            TABLES.forEach(table -> h.execute("DELETE FROM " + table));
            return null;
        });
    }

    StreamSource storedSource(String name) {
        StreamSource source = anM3uSource(name);
        store.streamSources().insert(source);
        return source;
    }

    List<Channel> channels(StreamSource source, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> aChannel()
                        .from(source.id())
                        .withKey("key-" + i)
                        .named("Channel " + i)
                        .inGroup(i % 2 == 0 ? "Sports" : "News")
                        .withTvgId("ch" + i + ".uk")
                        .withAttribute("catchup", "default")
                        .withUrl("http://provider.example/live/" + i + ".ts")
                        .build())
                .toList();
    }

    @Nested
    class Migrations {
        @Test
        void migrating_twice_changes_nothing() {
            store.migrate();

            assertThat(store.readiness().ready()).isTrue();
        }

        @Test
        void readiness_says_ok_once_migrated() {
            assertThat(store.readiness()).isEqualTo(new Readiness(true, true, "ok"));
        }

        @Test
        void a_fresh_database_is_reachable_but_not_migrated() {
            try (JdbiPersistence fresh = JdbiPersistence.open(DatabaseSettings.of(database.url()))) {
                assertThat(fresh.readiness().reachable()).isTrue();
            }
        }
    }

    @Nested
    class StreamSources {
        @Test
        void stores_and_reads_back_every_field() {
            StreamSource source = anXtreamSource("provider");
            store.streamSources().insert(source);

            assertThat(store.streamSources().findById(source.id())).contains(source);
        }

        @Test
        void stores_the_movies_and_series_switches_apart() {
            StreamSource t = anXtreamSource("provider");
            StreamSource movies = new StreamSource(
                    t.id(),
                    t.name(),
                    t.kind(),
                    t.url(),
                    t.credentials(),
                    t.userAgent(),
                    t.enabled(),
                    t.schedule(),
                    t.maxConcurrentStreams(),
                    t.xtreamOutput(),
                    true,
                    false,
                    t.createdAt(),
                    t.updatedAt());
            store.streamSources().insert(movies);
            StreamSource series = new StreamSource(
                    t.id(),
                    t.name(),
                    t.kind(),
                    t.url(),
                    t.credentials(),
                    t.userAgent(),
                    t.enabled(),
                    t.schedule(),
                    t.maxConcurrentStreams(),
                    t.xtreamOutput(),
                    false,
                    true,
                    t.createdAt(),
                    t.updatedAt());

            assertThat(store.streamSources().findById(t.id())).contains(movies);
            store.streamSources().update(series);
            assertThat(store.streamSources().findById(t.id())).contains(series);
        }

        @Test
        void updating_a_missing_source_is_not_found() {
            assertThatThrownBy(() -> store.streamSources().update(anM3uSource("ghost")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("not found");
        }

        @Test
        void deleting_a_source_deletes_its_channels() {
            StreamSource source = storedSource("a");
            store.channels()
                    .replaceAllForSource(
                            source.id(), sink -> channels(source, 3).forEach(sink::accept));

            assertThat(store.streamSources().delete(source.id())).isTrue();

            assertThat(store.channels().countBySource(source.id())).isZero();
            assertThat(store.streamSources().delete(source.id())).isFalse();
        }
    }

    @Nested
    class Ingestion_status {
        @Test
        void the_last_outcome_survives_a_restart() {
            StreamSource source = storedSource("a");
            IngestionTarget target = new IngestionTarget.ChannelSource(source.id());
            IngestionProgress run = new IngestionProgress();
            run.addBytes(4096);
            for (int i = 0; i < 45; i++) {
                run.entryRead();
            }
            for (int i = 0; i < 3; i++) {
                run.entrySkipped();
            }
            IngestionStatus ok =
                    IngestionStatus.idle(target).succeeded(T0, 42, 1500, run, Map.of("xtream_status", "Active"));
            store.ingestionStatus().save(ok);
            assertThat(store.ingestionStatus().find(target)).contains(ok);
            IngestionStatus failed = ok.failed(T0.plusSeconds(60), "http 503 from provider.example");

            store.ingestionStatus().save(ok);
            store.ingestionStatus().save(failed);

            assertThat(store.ingestionStatus().find(target)).contains(failed);
            IngestionStatus held = ok.needsConfirmation(T0.plusSeconds(120), "would keep 1 of 42 channels");
            store.ingestionStatus().save(held);
            assertThat(store.ingestionStatus().find(target)).contains(held);
            assertThat(store.ingestionStatus().find(new IngestionTarget.GuideSource(EpgSourceId.random())))
                    .isEmpty();
        }
    }

    @Nested
    class Channels {
        @Test
        void replace_stores_channels_in_playlist_order_across_batches() {
            StreamSource source = storedSource("a");
            List<Channel> expected = channels(source, 23);

            long stored = store.channels().replaceAllForSource(source.id(), sink -> expected.forEach(sink::accept));

            List<Channel> read = new ArrayList<>();
            store.channels().forEachBySource(source.id(), read::add);
            assertThat(stored).isEqualTo(23);
            assertThat(read).containsExactlyElementsOf(expected);
        }

        @Test
        void text_beyond_ascii_and_channels_without_attributes_read_back_unchanged() {
            StreamSource source = storedSource("a");
            List<Channel> expected = List.of(
                    aChannel()
                            .from(source.id())
                            .withKey("k1")
                            .named("Das Erste HD — 東京 📺")
                            .inGroup("Ñoticias")
                            .withTvgId("erste.de")
                            .withAttribute("tvg-language", "Español")
                            .build(),
                    aChannel().from(source.id()).withKey("k2").named("Plain").build());

            store.channels().replaceAllForSource(source.id(), sink -> expected.forEach(sink::accept));

            List<Channel> read = new ArrayList<>();
            store.channels().forEachBySource(source.id(), read::add);
            assertThat(read).containsExactlyElementsOf(expected);
        }

        @Test
        void the_keys_of_a_source_read_back_in_playlist_order_with_ids_handed_on() {
            StreamSource source = storedSource("a");
            StreamSource other = storedSource("b");
            ChannelId handedOn = ChannelId.of(source.id(), "Das Erste|Das Erste");
            List<Channel> stored = List.of(
                    aChannel().from(source.id()).withKey("m3u:b").build(),
                    aChannel().from(source.id()).withKey("m3u:a").build().withId(handedOn));
            store.channels().replaceAllForSource(source.id(), sink -> stored.forEach(sink::accept));
            store.channels()
                    .replaceAllForSource(other.id(), sink -> channels(other, 3).forEach(sink::accept));

            List<StoredChannelKey> keys = new ArrayList<>();
            store.channels().forEachKeyBySource(source.id(), keys::add);

            assertThat(keys)
                    .containsExactly(
                            new StoredChannelKey(
                                    stored.get(0).id(), "m3u:b", stored.get(0).streamUrl()),
                            new StoredChannelKey(
                                    handedOn, "m3u:a", stored.get(1).streamUrl()));
        }

        @Test
        void the_numbers_of_a_source_read_back_one_per_channel_null_for_none() {
            StreamSource source = storedSource("a");
            StreamSource other = storedSource("b");
            store.channels().replaceAllForSource(source.id(), sink -> {
                sink.accept(aChannel()
                        .from(source.id())
                        .withKey("k1")
                        .withNumber("101")
                        .build());
                sink.accept(aChannel().from(source.id()).withKey("k2").build());
                sink.accept(aChannel()
                        .from(source.id())
                        .withKey("k3")
                        .withNumber("7")
                        .build());
            });
            store.channels()
                    .replaceAllForSource(
                            other.id(),
                            sink -> sink.accept(aChannel()
                                    .from(other.id())
                                    .withKey("k1")
                                    .withNumber("999")
                                    .build()));

            List<String> numbers = new ArrayList<>();
            store.channels().forEachNumberBySource(source.id(), numbers::add);

            assertThat(numbers).containsExactlyInAnyOrder("101", null, "7");
        }

        @Test
        void a_failing_writer_leaves_the_previous_channels_untouched() {
            StreamSource source = storedSource("a");
            List<Channel> old = channels(source, 10);
            store.channels().replaceAllForSource(source.id(), sink -> old.forEach(sink::accept));

            assertThatThrownBy(() -> store.channels().replaceAllForSource(source.id(), sink -> {
                        channels(source, 20).forEach(sink::accept);
                        throw new IllegalStateException("download broke at byte 4711");
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("download broke at byte 4711");

            List<Channel> read = new ArrayList<>();
            store.channels().forEachBySource(source.id(), read::add);
            assertThat(read).containsExactlyElementsOf(old);
        }

        @Test
        void a_repeated_channel_overwrites_the_earlier_one() {
            StreamSource source = storedSource("a");
            Channel first =
                    aChannel().from(source.id()).withKey("same").named("First").build();
            Channel second =
                    aChannel().from(source.id()).withKey("same").named("Second").build();

            store.channels().replaceAllForSource(source.id(), sink -> {
                sink.accept(first);
                sink.accept(second);
            });

            assertThat(store.channels().findById(first.id())).map(Channel::name).contains("Second");
        }

        @Test
        void a_channel_repeated_batches_later_overwrites_the_earlier_one_in_its_later_place() {
            StreamSource source = storedSource("a");
            Channel first =
                    aChannel().from(source.id()).withKey("same").named("First").build();
            List<Channel> between = channels(source, 10);
            Channel second =
                    aChannel().from(source.id()).withKey("same").named("Second").build();

            long stored = store.channels().replaceAllForSource(source.id(), sink -> {
                sink.accept(first);
                between.forEach(sink::accept);
                sink.accept(second);
                sink.accept(between.get(3));
            });

            List<Channel> read = new ArrayList<>();
            store.channels().forEachBySource(source.id(), read::add);
            List<Channel> expected = new ArrayList<>(between);
            expected.remove(3);
            expected.add(second);
            expected.add(between.get(3));
            assertThat(read).containsExactlyElementsOf(expected);
            assertThat(stored).isEqualTo(13);
        }

        @Test
        void pages_are_stable_and_filtered() {
            StreamSource source = storedSource("a");
            store.channels()
                    .replaceAllForSource(
                            source.id(), sink -> channels(source, 12).forEach(sink::accept));

            Page<Channel> sports = store.channels().findPage(new ChannelQuery(source.id(), "Sports", null, 1, 4));
            Page<Channel> search = store.channels().findPage(new ChannelQuery(null, null, "NNEL 1", 0, 10));

            assertThat(sports.total()).isEqualTo(6);
            assertThat(sports.items()).extracting(Channel::name).containsExactly("Channel 8", "Channel 10");
            assertThat(search.items())
                    .extracting(Channel::name)
                    .containsExactly("Channel 1", "Channel 10", "Channel 11");
        }

        @Test
        void search_treats_like_wildcards_literally() {
            StreamSource source = storedSource("a");
            store.channels()
                    .replaceAllForSource(
                            source.id(), sink -> channels(source, 3).forEach(sink::accept));

            assertThat(store.channels()
                            .findPage(new ChannelQuery(null, null, "%", 0, 10))
                            .total())
                    .isZero();
        }

        @Test
        void groups_are_counted_per_source() {
            StreamSource a = storedSource("a");
            StreamSource b = storedSource("b");
            store.channels().replaceAllForSource(a.id(), sink -> channels(a, 5).forEach(sink::accept));
            store.channels().replaceAllForSource(b.id(), sink -> channels(b, 2).forEach(sink::accept));

            assertThat(store.channels().groups(a.id()))
                    .containsExactly(new GroupCount("News", 2), new GroupCount("Sports", 3));
            assertThat(store.channels().groups(null))
                    .containsExactly(new GroupCount("News", 3), new GroupCount("Sports", 4));
        }

        @Test
        void a_channel_repeated_in_another_group_is_counted_in_its_last_group_only() {
            StreamSource source = storedSource("a");
            Channel first =
                    aChannel().from(source.id()).withKey("same").inGroup("News").build();
            Channel second = aChannel()
                    .from(source.id())
                    .withKey("same")
                    .inGroup("Sports")
                    .build();

            store.channels().replaceAllForSource(source.id(), sink -> {
                channels(source, 4).forEach(sink::accept);
                sink.accept(first);
                sink.accept(second);
            });

            assertThat(store.channels().groups(source.id()))
                    .containsExactly(new GroupCount("News", 2), new GroupCount("Sports", 3));
            assertThat(store.channels()
                            .findPage(new ChannelQuery(source.id(), "News", null, 0, 10))
                            .total())
                    .isEqualTo(2);
        }

        @Test
        void a_refresh_counts_its_groups_anew_and_a_failed_one_leaves_them() {
            StreamSource source = storedSource("a");
            store.channels()
                    .replaceAllForSource(
                            source.id(), sink -> channels(source, 6).forEach(sink::accept));
            store.channels()
                    .replaceAllForSource(
                            source.id(), sink -> channels(source, 3).forEach(sink::accept));

            assertThatThrownBy(() -> store.channels().replaceAllForSource(source.id(), sink -> {
                        channels(source, 12).forEach(sink::accept);
                        throw new IllegalStateException("download broke");
                    }))
                    .hasMessage("download broke");

            assertThat(store.channels().groups(null))
                    .containsExactly(new GroupCount("News", 1), new GroupCount("Sports", 2));
        }

        @Test
        void a_group_is_counted_over_every_source_and_channels_without_a_group_in_none() {
            StreamSource a = storedSource("a");
            StreamSource b = storedSource("b");
            store.channels().replaceAllForSource(a.id(), sink -> {
                channels(a, 5).forEach(sink::accept);
                sink.accept(aChannel()
                        .from(a.id())
                        .withKey("no-group")
                        .inGroup(null)
                        .build());
            });
            store.channels().replaceAllForSource(b.id(), sink -> channels(b, 2).forEach(sink::accept));

            assertThat(store.channels()
                            .findPage(new ChannelQuery(null, "Sports", null, 0, 2))
                            .total())
                    .isEqualTo(4);
            assertThat(store.channels()
                            .findPage(new ChannelQuery(null, null, null, 0, 2))
                            .total())
                    .isEqualTo(8);
            assertThat(store.channels()
                            .findPage(new ChannelQuery(null, "Sports", "nnel 2", 0, 2))
                            .total())
                    .isEqualTo(1);
        }

        @Test
        void groups_go_with_their_source() {
            StreamSource a = storedSource("a");
            StreamSource b = storedSource("b");
            store.channels().replaceAllForSource(a.id(), sink -> channels(a, 5).forEach(sink::accept));
            store.channels().replaceAllForSource(b.id(), sink -> channels(b, 2).forEach(sink::accept));

            store.streamSources().delete(a.id());

            assertThat(store.channels().groups(null))
                    .containsExactly(new GroupCount("News", 1), new GroupCount("Sports", 1));
            assertThat(store.channels().groups(a.id())).isEmpty();
        }
    }

    @Nested
    class Guides {
        EpgSource guide;
        EpgRepository epg;

        @BeforeEach
        void a_stored_guide_source() {
            guide = anXmltvSource("guide");
            store.epgSources().insert(guide);
            epg = store.epg();
        }

        List<EpgProgramme> day(String channel, int count) {
            return IntStream.range(0, count)
                    .mapToObj(i -> aProgramme(guide.id(), channel, T0.plus(Duration.ofMinutes(30L * i)), "Show " + i))
                    .toList();
        }

        @Test
        void replace_streams_channels_and_programmes_across_batches() {
            EpgProgramme rich = new EpgProgramme(
                    guide.id(),
                    "bbc1.uk",
                    T0.minus(Duration.ofHours(1)),
                    T0,
                    "Früh & \"Spät\"",
                    "de",
                    "Folge 1 — 東京 📺",
                    "Beschreibung",
                    List.of("News", "Ñachrichten"),
                    "http://img.example/a.png?x=1&y=2",
                    "1.4.0/1",
                    "S02E05",
                    "PG",
                    Set.of(ProgrammeFlag.NEW, ProgrammeFlag.LIVE),
                    "<star-rating><value>4/5</value></star-rating>");
            List<EpgProgramme> programmes = new ArrayList<>(day("bbc1.uk", 30));
            programmes.add(0, rich);

            long stored = epg.replaceAllForSource(guide.id(), sink -> {
                sink.channel(anEpgChannel(guide.id(), "bbc1.uk", "BBC One"));
                programmes.forEach(sink::programme);
            });

            List<EpgProgramme> read = new ArrayList<>();
            epg.forEachProgrammeBySource(guide.id(), Instant.EPOCH, T0.plus(Duration.ofDays(2)), read::add);
            List<EpgChannel> channels = new ArrayList<>();
            epg.forEachChannelBySource(guide.id(), channels::add);
            assertThat(stored).isEqualTo(31);
            assertThat(read).containsExactlyElementsOf(programmes);
            assertThat(channels).containsExactly(anEpgChannel(guide.id(), "bbc1.uk", "BBC One"));
        }

        @Test
        void programmes_can_be_read_for_chosen_channels_only() {
            epg.replaceAllForSource(guide.id(), sink -> {
                day("bbc1.uk", 3).forEach(sink::programme);
                day("itv1.uk", 4).forEach(sink::programme);
            });

            List<EpgProgramme> read = new ArrayList<>();
            epg.forEachProgrammeBySource(
                    guide.id(), Instant.EPOCH, T0.plus(Duration.ofDays(2)), "itv1.uk"::equals, read::add);

            assertThat(read)
                    .hasSize(4)
                    .allSatisfy(p -> assertThat(p.channelId()).isEqualTo("itv1.uk"));
        }

        @Test
        void two_halves_split_at_one_id_hold_every_programme_once_each_ordered_by_channel() {
            // mixed case and punctuation: stores whose collation orders these unlike Java must still partition
            List<String> ids = List.of("a.uk", "B.uk", "b-2.uk", "c.uk", "Z.uk", "_x.uk", "ä.de");
            epg.replaceAllForSource(
                    guide.id(), sink -> ids.forEach(id -> day(id, 3).forEach(sink::programme)));
            Instant to = T0.plus(Duration.ofDays(2));

            List<EpgProgramme> lower = new ArrayList<>();
            List<EpgProgramme> upper = new ArrayList<>();
            epg.forEachProgrammeBySource(
                    guide.id(), Instant.EPOCH, to, new ChannelIdRange(null, "b-2.uk"), id -> true, lower::add);
            epg.forEachProgrammeBySource(
                    guide.id(), Instant.EPOCH, to, new ChannelIdRange("b-2.uk", null), id -> true, upper::add);

            List<EpgProgramme> all = new ArrayList<>();
            epg.forEachProgrammeBySource(guide.id(), Instant.EPOCH, to, all::add);
            List<EpgProgramme> halves = new ArrayList<>(lower);
            halves.addAll(upper);
            assertThat(all).hasSize(ids.size() * 3);
            assertThat(halves).containsExactlyInAnyOrderElementsOf(all);
            assertThat(lower).isNotEmpty();
            assertThat(upper)
                    .isNotEmpty()
                    .allSatisfy(
                            p -> assertThat(lower).noneMatch(q -> q.channelId().equals(p.channelId())));
        }

        @Test
        void a_guide_is_stored_as_one_block_per_channel_and_day_not_a_row_per_programme() {
            // 60 half-hour slots from T0 span two UTC days for each channel
            List<EpgProgramme> programmes = new ArrayList<>(day("a", 60));
            programmes.addAll(day("b", 60));
            long days = programmes.stream()
                    .map(p -> p.channelId() + "/" + p.start().truncatedTo(ChronoUnit.DAYS))
                    .distinct()
                    .count();

            epg.replaceAllForSource(guide.id(), sink -> programmes.forEach(sink::programme));

            long rows = store.database()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM epg_programme_block")
                            .mapTo(Long.class)
                            .one());
            assertThat(days).isGreaterThan(2);
            assertThat(rows).isEqualTo(days);
            assertThat(epg.countProgrammes(guide.id())).isEqualTo(120);
        }

        @Test
        void a_channel_listed_in_two_places_reads_back_in_start_order() {
            List<EpgProgramme> a = day("a", 8);
            epg.replaceAllForSource(guide.id(), sink -> {
                a.subList(4, 8).forEach(sink::programme);
                day("b", 20).forEach(sink::programme);
                a.subList(0, 4).forEach(sink::programme);
            });

            List<EpgProgramme> read = new ArrayList<>();
            epg.forEachProgrammeBySource(
                    guide.id(), Instant.EPOCH, T0.plus(Duration.ofDays(2)), "a"::equals, read::add);

            assertThat(read).containsExactlyElementsOf(a);
            assertThat(epg.findProgrammes(guide.id(), "a", T0, T0.plus(Duration.ofDays(1)), 0, 10))
                    .containsExactlyElementsOf(a);
        }

        @Test
        void programmes_of_a_channel_in_two_guides_are_ordered_by_start_then_guide() {
            EpgSource other = anXmltvSource("other");
            store.epgSources().insert(other);
            epg.replaceAllForSource(guide.id(), sink -> day("a", 3).forEach(sink::programme));
            epg.replaceAllForSource(other.id(), sink -> day("a", 3).forEach(sink::programme));

            List<EpgProgramme> page = epg.findProgrammes(null, "a", T0, T0.plus(Duration.ofHours(2)), 1, 3);

            List<EpgSourceId> guides = List.of(guide.id(), other.id()).stream()
                    .sorted(Comparator.comparing(EpgSourceId::toString))
                    .toList();
            assertThat(page)
                    .extracting(EpgProgramme::title, EpgProgramme::sourceId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Show 1", guides.get(1)),
                            org.assertj.core.groups.Tuple.tuple("Show 2", guides.get(0)),
                            org.assertj.core.groups.Tuple.tuple("Show 2", guides.get(1)));
        }

        @Test
        void a_failing_writer_leaves_the_previous_guide_untouched() {
            epg.replaceAllForSource(guide.id(), sink -> day("a", 5).forEach(sink::programme));

            assertThatThrownBy(() -> epg.replaceAllForSource(guide.id(), sink -> {
                        day("b", 40).forEach(sink::programme);
                        throw new IllegalStateException("line 12, column 4: unexpected end of file");
                    }))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(epg.countProgrammes(guide.id())).isEqualTo(5);
        }

        @Test
        void programmes_of_a_channel_are_paged_by_time() {
            epg.replaceAllForSource(guide.id(), sink -> day("a", 10).forEach(sink::programme));

            List<EpgProgramme> page =
                    epg.findProgrammes(null, "a", T0.plus(Duration.ofMinutes(45)), T0.plus(Duration.ofHours(5)), 1, 3);

            assertThat(page).extracting(EpgProgramme::title).containsExactly("Show 4", "Show 5", "Show 6");
        }

        @Test
        void on_air_finds_the_running_programme_per_channel() {
            epg.replaceAllForSource(guide.id(), sink -> {
                day("a", 4).forEach(sink::programme);
                day("b", 4).forEach(sink::programme);
            });

            List<EpgProgramme> now = new ArrayList<>();
            epg.forEachOnAir(List.of(guide.id()), T0.plus(Duration.ofMinutes(70)), now::add);

            assertThat(now)
                    .extracting(EpgProgramme::channelId, EpgProgramme::title)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", "Show 2"),
                            org.assertj.core.groups.Tuple.tuple("b", "Show 2"));
        }

        @Test
        void retention_deletes_programmes_that_ended_before_the_cutoff() {
            epg.replaceAllForSource(guide.id(), sink -> day("a", 6).forEach(sink::programme));

            long deleted = epg.deleteEndedBefore(T0.plus(Duration.ofMinutes(61)));

            assertThat(deleted).isEqualTo(2);
            assertThat(epg.countProgrammes(guide.id())).isEqualTo(4);
        }

        @Test
        void retention_keeps_the_rest_of_a_day_and_a_programme_ending_at_the_cutoff() {
            epg.replaceAllForSource(guide.id(), sink -> day("a", 6).forEach(sink::programme));

            long deleted = epg.deleteEndedBefore(T0.plus(Duration.ofMinutes(60)));

            List<EpgProgramme> left = new ArrayList<>();
            epg.forEachProgrammeBySource(guide.id(), Instant.EPOCH, T0.plus(Duration.ofDays(1)), left::add);
            assertThat(deleted).isEqualTo(1);
            assertThat(left)
                    .extracting(EpgProgramme::title)
                    .containsExactly("Show 1", "Show 2", "Show 3", "Show 4", "Show 5");
        }

        @Test
        void guide_channels_are_paged() {
            epg.replaceAllForSource(
                    guide.id(),
                    sink -> IntStream.range(0, 9)
                            .forEach(i -> sink.channel(anEpgChannel(guide.id(), "c" + i, "Channel " + i))));

            Page<EpgChannel> page = epg.findChannels(guide.id(), 2, 4);

            assertThat(page.total()).isEqualTo(9);
            assertThat(page.items()).extracting(EpgChannel::id).containsExactly("c8");
        }
    }

    /**
     * The ingestion services over this database: a refresh that needs confirmation has already written batches when
     * the guard refuses it, and the whole replace must roll back.
     */
    @Nested
    class Drop_guard {
        private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        private final ExclusiveIngestions ingestions =
                new ExclusiveIngestions(store.ingestionStatus(), Runnable::run, clock);

        ChannelIngestionService channelsYielding(List<Channel> yielded) {
            ChannelSourceHandler handler = new ChannelSourceHandler() {
                @Override
                public SourceKind kind() {
                    return SourceKind.M3U;
                }

                @Override
                public Map<String, String> ingest(StreamSource source, ChannelSink sink, IngestionProgress progress) {
                    yielded.forEach(sink::accept);
                    return Map.of();
                }
            };
            return new ChannelIngestionService(store.streamSources(), store.channels(), List.of(handler), ingestions);
        }

        GuideIngestionService guideYielding(List<EpgProgramme> yielded) {
            return guideYielding(yielded, null);
        }

        /** A handler yielding the programmes, then failing with {@code failure} when there is one. */
        GuideIngestionService guideYielding(List<EpgProgramme> yielded, @Nullable RuntimeException failure) {
            EpgSourceHandler handler = new EpgSourceHandler() {
                @Override
                public EpgSourceKind kind() {
                    return EpgSourceKind.XMLTV;
                }

                @Override
                public Map<String, String> ingest(EpgSource source, EpgSink sink, IngestionProgress progress) {
                    sink.channel(anEpgChannel(source.id(), "a", "A"));
                    yielded.forEach(sink::programme);
                    if (failure != null) {
                        throw failure;
                    }
                    return Map.of();
                }
            };
            return new GuideIngestionService(store.epgSources(), store.epg(), List.of(handler), ingestions, clock);
        }

        @Test
        void a_drop_needing_confirmation_rolls_back_every_written_batch() {
            StreamSource source = storedSource("a");
            List<Channel> old = channels(source, 100);
            channelsYielding(old).ingest(source.id());
            List<Channel> fewer = channels(source, 23).stream()
                    .map(c -> aChannel()
                            .from(source.id())
                            .withKey("new-" + c.externalKey())
                            .build())
                    .toList();

            assertThatThrownBy(() -> channelsYielding(fewer).ingest(source.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .hasMessageContaining("would keep 23 of 100 channels");

            List<Channel> read = new ArrayList<>();
            store.channels().forEachBySource(source.id(), read::add);
            assertThat(read).containsExactlyElementsOf(old);
            IngestionStatus status = store.ingestionStatus()
                    .find(new IngestionTarget.ChannelSource(source.id()))
                    .orElseThrow();
            assertThat(status.state()).isEqualTo(IngestionState.NEEDS_CONFIRMATION);
            assertThat(status.lastError()).contains("previous data kept; accept to apply");
            assertThat(status.lastCount()).isEqualTo(100);
        }

        @Test
        void accepting_the_drop_commits_it() {
            StreamSource source = storedSource("a");
            channelsYielding(channels(source, 100)).ingest(source.id());

            channelsYielding(channels(source, 23)).ingest(source.id(), IngestMode.ACCEPT_DROP);

            assertThat(store.channels().countBySource(source.id())).isEqualTo(23);
        }

        @Test
        void a_guide_without_programmes_rolls_back_to_the_stored_guide() {
            EpgSource guide = anXmltvSource("guide");
            store.epgSources().insert(guide);
            List<EpgProgramme> old = IntStream.range(0, 30)
                    .mapToObj(i -> aProgramme(guide.id(), "a", T0.plus(Duration.ofMinutes(30L * i)), "Show " + i))
                    .toList();
            guideYielding(old).ingest(guide.id());

            assertThatThrownBy(() -> guideYielding(List.of()).ingest(guide.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .hasMessageContaining("yielded no programmes where 30 are stored");

            assertThat(store.epg().countProgrammes(guide.id())).isEqualTo(30);
            assertThat(store.epg().findChannels(guide.id(), 1, 10).total()).isEqualTo(1);
        }

        /** A local file's guide is stored as it is parsed, so batches are written before the guard or a failure. */
        @Test
        void a_local_guide_without_programmes_rolls_back_to_the_stored_guide() {
            EpgSource guide = aLocalXmltvSource("guide");
            store.epgSources().insert(guide);
            guideYielding(programmes(guide, 30, "Show")).ingest(guide.id());

            assertThatThrownBy(() -> guideYielding(List.of()).ingest(guide.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .hasMessageContaining("yielded no programmes where 30 are stored");

            assertThat(store.epg().countProgrammes(guide.id())).isEqualTo(30);
            assertThat(store.epg().findChannels(guide.id(), 1, 10).total()).isEqualTo(1);
        }

        @Test
        void a_local_guide_that_fails_after_written_batches_keeps_the_stored_guide() {
            EpgSource guide = aLocalXmltvSource("guide");
            store.epgSources().insert(guide);
            List<EpgProgramme> old = programmes(guide, 30, "Show");
            guideYielding(old).ingest(guide.id());
            RuntimeException broken = new IllegalStateException("line 4212, column 7: broken XML");

            assertThatThrownBy(() ->
                            guideYielding(programmes(guide, 40, "New"), broken).ingest(guide.id()))
                    .isSameAs(broken);

            List<EpgProgramme> kept = new ArrayList<>();
            store.epg().forEachProgrammeBySource(guide.id(), Instant.EPOCH, T0.plus(Duration.ofDays(2)), kept::add);
            assertThat(kept)
                    .extracting(EpgProgramme::title)
                    .containsExactlyElementsOf(
                            old.stream().map(EpgProgramme::title).toList());
        }

        /** Ten programmes a channel: the block writer stores a channel once the guide has moved on to the next. */
        private List<EpgProgramme> programmes(EpgSource guide, int count, String title) {
            return IntStream.range(0, count)
                    .mapToObj(i ->
                            aProgramme(guide.id(), "c" + i / 10, T0.plus(Duration.ofMinutes(30L * i)), title + " " + i))
                    .toList();
        }
    }

    @Nested
    class Rules {
        @Test
        void filters_round_trip() {
            Filter filter = new Filter(
                    FilterId.random(),
                    "No adult",
                    ExpressionDomain.STREAM_FILTER,
                    FilterAction.EXCLUDE,
                    "group contains \"xxx\"");
            store.filters().insert(filter);

            assertThat(store.filters().findAll()).containsExactly(filter);
            assertThat(store.filters().delete(filter.id())).isTrue();
            assertThat(store.filters().findById(filter.id())).isEmpty();
        }

        @Test
        void mapping_rules_are_listed_by_position_and_reordered_atomically() {
            DataMappingRule a = rule("a", 0);
            DataMappingRule b = rule("b", 1);
            store.mappingRules().insert(a);
            store.mappingRules().insert(b);

            store.mappingRules().updatePositions(List.of(a.atPosition(1), b.atPosition(0)));

            assertThat(store.mappingRules().findAll())
                    .extracting(DataMappingRule::name)
                    .containsExactly("b", "a");
            assertThatThrownBy(() -> store.mappingRules().updatePositions(List.of(a.atPosition(5), rule("ghost", 6))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(store.mappingRules().findById(a.id()))
                    .map(DataMappingRule::position)
                    .contains(1);
        }

        private DataMappingRule rule(String name, int position) {
            return new DataMappingRule(
                    MappingRuleId.random(),
                    name,
                    ExpressionDomain.STREAM_MAPPING,
                    "SET group = \"x\"",
                    true,
                    position,
                    false);
        }
    }

    @Nested
    class Proxies {
        @Test
        void a_proxy_keeps_its_ordered_associations() {
            StreamSource a = storedSource("a");
            StreamSource b = storedSource("b");
            EpgSource guide = anXmltvSource("g");
            store.epgSources().insert(guide);
            Filter filter =
                    new Filter(FilterId.random(), "f", ExpressionDomain.STREAM_FILTER, FilterAction.INCLUDE, "");
            store.filters().insert(filter);
            RelayProfile profile = new RelayProfile(
                    RelayProfileId.random(),
                    "h264",
                    VideoCodec.H264,
                    AudioCodec.AAC,
                    3000,
                    128,
                    720,
                    HardwareAcceleration.NONE,
                    List.of("-re"),
                    List.of(),
                    true);
            store.relayProfiles().insert(profile);
            StreamProxy proxy = new StreamProxy(
                    ProxyId.random(),
                    "Living room",
                    "living-room",
                    List.of(b.id(), a.id()),
                    List.of(guide.id()),
                    List.of(new ProxyFilter(filter.id(), false)),
                    List.of(),
                    new Numbering(NumberingMode.GROUP, 100, 50),
                    DeliveryMode.TRANSCODE,
                    profile.id(),
                    new OutputSettings(false, "TV", false, true, true, 2, 9, true),
                    "@daily",
                    T0,
                    T0);

            store.proxies().insert(proxy);

            assertThat(store.proxies().findBySlug("living-room")).contains(proxy);
            assertThat(store.relayProfiles().findById(profile.id())).contains(profile);
        }

        @Test
        void a_proxy_keeps_its_hdhomerun_switch() {
            StreamProxy off = withOutput(proxy("off"), OutputSettings.DEFAULT.withHdhomerun(false));
            StreamProxy on = proxy("on");
            store.proxies().insert(off);
            store.proxies().insert(on);

            assertThat(store.proxies().findById(off.id()).orElseThrow().output().hdhomerun())
                    .isFalse();
            assertThat(store.proxies().findById(on.id()).orElseThrow().output().hdhomerun())
                    .isTrue();
            store.proxies().update(withOutput(off, OutputSettings.DEFAULT));
            assertThat(store.proxies().findById(off.id()).orElseThrow().output().hdhomerun())
                    .isTrue();
        }

        @Test
        void a_proxy_keeps_each_mapping_rules_switch_in_order() {
            List<ProxyMappingRule> attached = new java.util.ArrayList<>();
            for (String name : List.of("first", "second", "third")) {
                DataMappingRule rule = new DataMappingRule(
                        MappingRuleId.random(),
                        "switch " + name + " " + System.nanoTime(),
                        ExpressionDomain.STREAM_MAPPING,
                        "channel_name equals \"x\" SET channel_name = \"y\"",
                        true,
                        attached.size(),
                        false);
                store.mappingRules().insert(rule);
                attached.add(new ProxyMappingRule(rule.id(), !name.equals("second")));
            }
            StreamProxy p = proxy("rules-switch");
            StreamProxy withRules = new StreamProxy(
                    p.id(),
                    p.name(),
                    p.slug(),
                    p.sources(),
                    p.epgSources(),
                    p.filters(),
                    attached,
                    p.numbering(),
                    p.deliveryMode(),
                    p.relayProfile(),
                    p.output(),
                    p.schedule(),
                    p.createdAt(),
                    p.updatedAt());

            store.proxies().insert(withRules);

            assertThat(store.proxies().findById(p.id()).orElseThrow().mappingRules())
                    .containsExactlyElementsOf(attached);
        }

        @Test
        void a_proxy_keeps_its_xtream_vod_switch() {
            StreamProxy off = withOutput(proxy("off"), OutputSettings.DEFAULT.withXtreamVod(false));
            store.proxies().insert(off);

            assertThat(store.proxies().findById(off.id()).orElseThrow().output().xtreamVod())
                    .isFalse();
            store.proxies().update(withOutput(off, OutputSettings.DEFAULT));
            assertThat(store.proxies().findById(off.id()).orElseThrow().output().xtreamVod())
                    .isTrue();
        }

        @Test
        void a_proxy_keeps_its_hdhomerun_relay_profile() {
            RelayProfile hevc = new RelayProfile(
                    RelayProfileId.random(),
                    "hevc",
                    VideoCodec.HEVC,
                    AudioCodec.AAC,
                    0,
                    0,
                    0,
                    HardwareAcceleration.NONE,
                    List.of(),
                    List.of(),
                    false);
            store.relayProfiles().insert(hevc);
            StreamProxy tuned = withOutput(proxy("tuned"), OutputSettings.DEFAULT.withHdhomerunProfile(hevc.id()));
            store.proxies().insert(tuned);

            assertThat(store.proxies()
                            .findById(tuned.id())
                            .orElseThrow()
                            .output()
                            .hdhomerunProfile())
                    .isEqualTo(hevc.id());
            store.proxies().update(withOutput(tuned, OutputSettings.DEFAULT));
            assertThat(store.proxies()
                            .findById(tuned.id())
                            .orElseThrow()
                            .output()
                            .hdhomerunProfile())
                    .as("none: the built-in choice")
                    .isNull();
        }

        private StreamProxy withOutput(StreamProxy p, OutputSettings output) {
            return new StreamProxy(
                    p.id(),
                    p.name(),
                    p.slug(),
                    p.sources(),
                    p.epgSources(),
                    p.filters(),
                    p.mappingRules(),
                    p.numbering(),
                    p.deliveryMode(),
                    p.relayProfile(),
                    output,
                    p.schedule(),
                    p.createdAt(),
                    p.updatedAt());
        }

        @Test
        void a_proxy_stored_as_relay_reads_back_as_transcode() {
            StreamProxy proxy = TranscodingProxy.withStoredProfile(store, T0);
            store.proxies().insert(proxy);
            // what a row written before the rename holds, should one survive the migration
            store.database()
                    .withHandle(h -> h.execute(
                            "UPDATE stream_proxy SET delivery_mode = 'RELAY' WHERE id = ?",
                            proxy.id().toString()));

            assertThat(store.proxies().findById(proxy.id())).contains(proxy);
        }

        @Test
        void a_slug_cannot_be_used_twice() {
            store.proxies().insert(proxy("tv"));

            assertThatThrownBy(() -> store.proxies().insert(proxy("tv")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("'tv'");
        }

        @Test
        void updating_replaces_the_associations() {
            StreamSource a = storedSource("a");
            StreamProxy proxy = proxy("tv");
            store.proxies().insert(proxy);
            StreamProxy changed = new StreamProxy(
                    proxy.id(),
                    "TV",
                    "tv",
                    List.of(a.id()),
                    List.of(),
                    List.of(),
                    List.of(),
                    Numbering.DEFAULT,
                    DeliveryMode.PROXY,
                    null,
                    OutputSettings.DEFAULT,
                    null,
                    T0,
                    T0.plusSeconds(5));

            store.proxies().update(changed);

            assertThat(store.proxies().findById(proxy.id())).contains(changed);
        }

        @Test
        void the_proxies_using_an_input_are_found_by_its_id() {
            StreamSource a = storedSource("a");
            StreamSource b = storedSource("b");
            EpgSource guide = anXmltvSource("g");
            store.epgSources().insert(guide);
            StreamProxy both = using("both", List.of(a.id(), b.id()), List.of(guide.id()));
            StreamProxy onlyB = using("only-b", List.of(b.id()), List.of());
            StreamProxy none = using("none", List.of(), List.of());
            for (StreamProxy proxy : List.of(both, onlyB, none)) {
                store.proxies().insert(proxy);
            }

            assertThat(store.proxies().findUsingSource(a.id())).containsExactly(both);
            assertThat(store.proxies().findUsingSource(b.id())).containsExactly(both, onlyB);
            assertThat(store.proxies().findUsingGuide(guide.id())).containsExactly(both);
            assertThat(store.proxies().findUsingSource(SourceId.random())).isEmpty();
        }

        private StreamProxy using(String slug, List<SourceId> sources, List<EpgSourceId> guides) {
            return new StreamProxy(
                    ProxyId.random(),
                    slug,
                    slug,
                    sources,
                    guides,
                    List.of(),
                    List.of(),
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    null,
                    OutputSettings.DEFAULT,
                    null,
                    T0,
                    T0);
        }

        private StreamProxy proxy(String slug) {
            return new StreamProxy(
                    ProxyId.random(),
                    slug,
                    slug,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Numbering.DEFAULT,
                    DeliveryMode.REDIRECT,
                    null,
                    OutputSettings.DEFAULT,
                    null,
                    T0,
                    T0);
        }
    }

    @Nested
    class Output_users {
        OutputUser user(StreamProxy proxy, String username) {
            return new OutputUser(
                    OutputUserId.random(),
                    proxy.id(),
                    username,
                    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                    T0.plus(Duration.ofDays(30)),
                    2,
                    T0);
        }

        @Test
        void stores_and_reads_back_every_field() {
            StreamProxy proxy = aProxy("living-room");
            store.proxies().insert(proxy);
            OutputUser alice = user(proxy, "alice");
            OutputUser never = new OutputUser(OutputUserId.random(), proxy.id(), "bob", "hash", null, 1, T0);

            store.outputUsers().insert(alice);
            store.outputUsers().insert(never);

            assertThat(store.outputUsers().findByUsername("alice")).contains(alice);
            assertThat(store.outputUsers().findByProxy(proxy.id())).containsExactly(alice, never);
        }

        @Test
        void updates_the_hash_expiry_and_limit_of_a_user_of_the_named_proxy_only() {
            StreamProxy one = aProxy("one");
            store.proxies().insert(one);
            OutputUser alice = user(one, "alice");
            store.outputUsers().insert(alice);
            OutputUser changed = new OutputUser(alice.id(), one.id(), "alice", "other-hash", null, 5, T0);

            assertThat(store.outputUsers()
                            .update(new OutputUser(alice.id(), ProxyId.random(), "alice", "x", null, 9, T0)))
                    .isFalse();
            assertThat(store.outputUsers().update(changed)).isTrue();

            assertThat(store.outputUsers().findByUsername("alice")).contains(changed);
        }

        @Test
        void a_username_is_unique_across_proxies() {
            StreamProxy one = aProxy("one");
            StreamProxy two = aProxy("two");
            store.proxies().insert(one);
            store.proxies().insert(two);
            store.outputUsers().insert(user(one, "alice"));

            assertThatThrownBy(() -> store.outputUsers().insert(user(two, "alice")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("username: 'alice' is already taken");
            assertThat(store.outputUsers().findByProxy(two.id())).isEmpty();
        }

        @Test
        void deletes_only_a_user_of_the_named_proxy() {
            StreamProxy one = aProxy("one");
            StreamProxy two = aProxy("two");
            store.proxies().insert(one);
            store.proxies().insert(two);
            OutputUser alice = user(one, "alice");
            store.outputUsers().insert(alice);

            assertThat(store.outputUsers().delete(two.id(), alice.id())).isFalse();
            assertThat(store.outputUsers().delete(one.id(), alice.id())).isTrue();
            assertThat(store.outputUsers().findByUsername("alice")).isEmpty();
        }

        @Test
        void deleting_the_proxy_deletes_its_users() {
            StreamProxy proxy = aProxy("living-room");
            store.proxies().insert(proxy);
            store.outputUsers().insert(user(proxy, "alice"));

            store.proxies().delete(proxy.id());

            assertThat(store.outputUsers().findByUsername("alice")).isEmpty();
        }
    }

    @Nested
    class Output_access {
        @Test
        void a_proxy_never_changed_has_no_row() {
            StreamProxy proxy = aProxy("living-room");
            store.proxies().insert(proxy);

            assertThat(store.outputAccess().findByProxy(proxy.id())).isEmpty();
        }

        @Test
        void stores_and_replaces_every_field_with_ipv4_and_ipv6_ranges() {
            StreamProxy proxy = aProxy("living-room");
            store.proxies().insert(proxy);
            OutputAccess lan = new OutputAccess(
                    proxy.id(),
                    AccessMode.LAN,
                    List.of(CidrRange.parse("10.0.0.0/8"), CidrRange.parse("2001:db8::/32")),
                    null);
            OutputAccess token = new OutputAccess(
                    proxy.id(),
                    AccessMode.TOKEN,
                    OutputAccess.PRIVATE_RANGES,
                    "Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC");

            store.outputAccess().save(lan);
            assertThat(store.outputAccess().findByProxy(proxy.id())).contains(lan);
            store.outputAccess().save(token);

            assertThat(store.outputAccess().findByProxy(proxy.id())).contains(token);
            assertThat(store.outputAccess().findAll()).containsExactly(token);
        }

        @Test
        void deleting_the_proxy_deletes_its_access() {
            StreamProxy proxy = aProxy("living-room");
            store.proxies().insert(proxy);
            store.outputAccess().save(new OutputAccess(proxy.id(), AccessMode.OPEN, OutputAccess.PRIVATE_RANGES, null));

            store.proxies().delete(proxy.id());

            assertThat(store.outputAccess().findAll()).isEmpty();
        }
    }

    @Nested
    class RelayAndLogos {
        @Test
        void codec_probes_are_upserted_per_channel() {
            Channel channel = aChannel().build();
            store.lastKnownCodecs().upsert(new LastKnownCodec(channel.id(), "h264", "aac", 1280, 720, 3_000_000, T0));
            LastKnownCodec newer =
                    new LastKnownCodec(channel.id(), "hevc", "ac3", 1920, 1080, 6_000_000, T0.plusSeconds(60));

            store.lastKnownCodecs().upsert(newer);

            assertThat(store.lastKnownCodecs().findByChannel(channel.id())).contains(newer);
        }

        @Test
        void logos_are_found_by_hash_and_by_url() {
            LogoAsset logo = new LogoAsset(
                    "a".repeat(64), "png", "image/png", 1234, "http://img.example/logo.png", "\"v1\"", null, T0);
            store.logos().upsert(logo);

            assertThat(store.logos().findBySha256(logo.sha256())).contains(logo);
            assertThat(store.logos().findByOriginalUrl("http://img.example/logo.png"))
                    .contains(logo);
            List<LogoAsset> all = new ArrayList<>();
            store.logos().forEach(all::add);
            assertThat(all).containsExactly(logo);
        }
    }

    @Nested
    class Jobs {
        @Test
        void a_refused_write_names_the_failure_without_its_sql_or_bound_values() {
            Job job = Job.queued(JobKind.SOURCE_INGEST, "secret-target-value", T0);
            store.jobs().insert(job);

            assertThatThrownBy(() -> store.jobs().insert(job))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("constraint")
                    .hasMessageNotContaining("INSERT")
                    .hasMessageNotContaining("arguments")
                    .hasMessageNotContaining("secret-target-value")
                    .hasMessageNotContaining(job.id().toString());
        }

        @Test
        void jobs_are_paged_newest_first_and_filtered() {
            for (int i = 0; i < 5; i++) {
                Job job = Job.queued(JobKind.SOURCE_INGEST, "source-" + i, T0.plusSeconds(i));
                store.jobs().insert(i % 2 == 0 ? job : job.start(T0.plusSeconds(10), "i1"));
            }

            Page<Job> running = store.jobs().findPage(JobState.RUNNING, JobKind.SOURCE_INGEST, 0, 10);

            assertThat(running.items()).extracting(Job::target).containsExactly("source-3", "source-1");
            assertThat(store.jobs().findByState(JobState.QUEUED)).hasSize(3);
        }

        @Test
        void transitions_are_stored_and_old_history_is_cleaned_up() {
            Job job = Job.queued(JobKind.PROXY_GENERATE, "proxy", T0);
            store.jobs().insert(job);
            Job done = job.start(T0.plusSeconds(1), "i1").succeed(T0.plusSeconds(3), Map.of("channels", 42L));
            store.jobs().update(done);
            store.jobs().insert(Job.queued(JobKind.EPG_INGEST, "guide", T0));

            assertThat(store.jobs().findById(job.id())).contains(done);
            assertThat(store.jobs().deleteFinishedBefore(T0.plusSeconds(4))).isEqualTo(1);
            assertThat(store.jobs().findPage(null, null, 0, 10).total()).isEqualTo(1);
        }

        @Test
        void the_latest_job_of_a_target_is_found_by_kind() {
            store.jobs().insert(Job.queued(JobKind.SOURCE_INGEST, "s", T0));
            Job latest = Job.queued(JobKind.SOURCE_INGEST, "s", T0.plusSeconds(5));
            store.jobs().insert(latest);
            store.jobs().insert(Job.queued(JobKind.PROXY_GENERATE, "s", T0.plusSeconds(9)));

            assertThat(store.jobs().findLatest(JobKind.SOURCE_INGEST, "s")).contains(latest);
            assertThat(store.jobs().findLatest(JobKind.EPG_INGEST, "s")).isEmpty();
        }
    }
}
