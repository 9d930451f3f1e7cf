package io.tvarr.domain.ingestion.service;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.StoredChannelKey;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.ingestion.DropLimit;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.UnconfirmedDropException;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import io.tvarr.domain.vod.port.out.VodRepository;
import io.tvarr.domain.vod.port.out.VodSourceHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelIngestionServiceTest {
    private StreamSource source = anM3uSource("provider");
    private final FakeChannels channels = new FakeChannels();
    private final FakeIngestionStatuses statuses = new FakeIngestionStatuses();
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor manual = queued::add;
    private final ExclusiveIngestions ingestions =
            new ExclusiveIngestions(statuses, manual, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private ScriptedHandler handler = new ScriptedHandler(
            List.of(aChannel().from(source.id()).withKey("1").build()));

    private ChannelIngestionService service() {
        return service(ingestions);
    }

    private ChannelIngestionService service(ExclusiveIngestions runner) {
        return new ChannelIngestionService(sources(), channels, List.of(handler), runner);
    }

    private StreamSourceRepository sources() {
        return new StreamSourceRepository() {
            @Override
            public void insert(StreamSource s) {}

            @Override
            public void update(StreamSource s) {}

            @Override
            public boolean delete(SourceId id) {
                return false;
            }

            @Override
            public Optional<StreamSource> findById(SourceId id) {
                return id.equals(source.id()) ? Optional.of(source) : Optional.empty();
            }

            @Override
            public List<StreamSource> findAll() {
                return List.of(source);
            }
        };
    }

    @Nested
    class On_demand {
        private final FakeVod vod = new FakeVod();
        private boolean vodFails;

        private ChannelIngestionService service() {
            VodSourceHandler movies = new VodSourceHandler() {
                @Override
                public SourceKind kind() {
                    return SourceKind.M3U;
                }

                @Override
                public Map<String, String> ingest(StreamSource s, VodSink sink, IngestionProgress progress) {
                    vod.events.add("read 7");
                    sink.movie(new VodMovie(s.id(), "7", "Film", null, null, "mp4", "{}"));
                    if (vodFails) {
                        throw new UpstreamException("provider.example: get_vod_streams http 503");
                    }
                    return Map.of("xtream_movies", "1");
                }
            };
            return new ChannelIngestionService(
                    sources(),
                    channels,
                    List.of(handler),
                    new ChannelIngestionService.OnDemand(vod, List.of(movies)),
                    ingestions);
        }

        private void switches(boolean movies, boolean series) {
            StreamSource s = source;
            source = new StreamSource(
                    s.id(),
                    s.name(),
                    s.kind(),
                    s.url(),
                    null,
                    null,
                    true,
                    null,
                    0,
                    s.xtreamOutput(),
                    movies,
                    series,
                    s.createdAt(),
                    s.updatedAt());
        }

        @Test
        void a_source_asking_for_movies_or_series_gets_its_vod_replaced_beside_its_channels() {
            switches(false, true);

            IngestionStatus status = service().ingest(source.id());

            assertThat(channels.stored).hasSize(1);
            assertThat(vod.stored).extracting(VodMovie::name).containsExactly("Film");
            assertThat(status.details()).containsEntry("vod_items", "1").containsEntry("xtream_movies", "1");
        }

        @Test
        void the_vod_is_read_whole_before_its_replace_begins() {
            switches(true, false);

            service().ingest(source.id());

            assertThat(vod.events).containsExactly("read 7", "replace", "store 7");
        }

        @Test
        void a_source_asking_for_neither_reads_no_vod() {
            switches(false, false);

            IngestionStatus status = service().ingest(source.id());

            assertThat(vod.replaced).isZero();
            assertThat(status.details()).doesNotContainKey("vod_items");
        }

        @Test
        void a_vod_failure_fails_the_ingestion_and_keeps_the_stored_vod() {
            switches(true, false);
            service().ingest(source.id());
            vodFails = true;

            assertThatThrownBy(() -> service().ingest(source.id())).isInstanceOf(UpstreamException.class);

            assertThat(vod.stored).hasSize(1);
            // the failed read was spooled only: the store saw the first refresh's replace and no other
            assertThat(vod.replaced).isEqualTo(1);
        }
    }

    /** Replaces atomically like the real repositories; counts the replaces. */
    private static final class FakeVod implements VodRepository {
        List<VodMovie> stored = List.of();
        int replaced;
        /** What happened, in order: {@code replace} as a replace begins, {@code store <id>} for each movie. */
        final List<String> events = new ArrayList<>();

        @Override
        public long replaceAllForSource(SourceId source, Consumer<VodSink> writer) {
            replaced++;
            events.add("replace");
            List<VodMovie> movies = new ArrayList<>();
            writer.accept(new VodSink() {
                @Override
                public void movie(VodMovie movie) {
                    events.add("store " + movie.providerId());
                    movies.add(movie);
                }

                @Override
                public void series(VodSeries series) {}

                @Override
                public void episode(VodEpisode episode) {}
            });
            stored = movies;
            return movies.size();
        }

        @Override
        public void forEachMovie(SourceId source, Consumer<VodMovie> consumer) {
            stored.forEach(consumer);
        }

        @Override
        public void forEachSeries(SourceId source, Consumer<VodSeries> consumer) {}

        @Override
        public void forEachEpisode(SourceId source, String seriesId, Consumer<VodEpisode> consumer) {}

        @Override
        public void forEachEpisode(SourceId source, Consumer<VodEpisode> consumer) {}

        @Override
        public Optional<VodMovie> findMovie(SourceId source, String providerId) {
            return stored.stream()
                    .filter(m -> m.providerId().equals(providerId))
                    .findFirst();
        }

        @Override
        public Optional<VodEpisode> findEpisode(SourceId source, String providerId) {
            return Optional.empty();
        }

        @Override
        public long count(SourceId source) {
            return stored.size();
        }
    }

    @Nested
    class Ingesting {
        @Test
        void stores_the_channels_and_the_outcome() {
            IngestionStatus status = service().ingest(source.id());

            assertThat(status.state()).isEqualTo(IngestionState.SUCCEEDED);
            assertThat(status.lastCount()).isEqualTo(1);
            assertThat(channels.stored).hasSize(1);
            assertThat(statuses.find(new IngestionTarget.ChannelSource(source.id())))
                    .contains(status);
        }

        @Test
        void a_second_request_while_one_runs_is_a_conflict() {
            ChannelIngestionService service = service();
            IngestionStatus starting = service.start(source.id());

            assertThat(starting.state()).isEqualTo(IngestionState.INGESTING);
            assertThat(service.status(source.id()).state()).isEqualTo(IngestionState.INGESTING);
            assertThatThrownBy(() -> service.start(source.id()))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already running");
            queued.forEach(Runnable::run);
            assertThat(service.status(source.id()).state()).isEqualTo(IngestionState.SUCCEEDED);
        }

        @Test
        void a_failure_keeps_the_old_channels_and_is_recorded() {
            service().ingest(source.id());
            handler = new ScriptedHandler(null);

            assertThatThrownBy(() -> service().ingest(source.id())).isInstanceOf(UpstreamException.class);

            assertThat(channels.stored).hasSize(1);
            IngestionStatus failed = statuses.find(new IngestionTarget.ChannelSource(source.id()))
                    .orElseThrow();
            assertThat(failed.state()).isEqualTo(IngestionState.FAILED);
            assertThat(failed.lastError()).isEqualTo("provider.example: http 503");
            assertThat(failed.lastCount()).isEqualTo(1);
        }

        @Test
        void only_a_successful_ingestion_announces_the_refreshed_source() {
            List<IngestionTarget> refreshed = new ArrayList<>();
            ingestions.whenSucceeded(refreshed::add);

            service().ingest(source.id());
            handler = new ScriptedHandler(null);
            assertThatThrownBy(() -> service().ingest(source.id())).isInstanceOf(UpstreamException.class);

            assertThat(refreshed).containsExactly(new IngestionTarget.ChannelSource(source.id()));
        }
    }

    @Nested
    class Drop_guard {
        private final List<IngestionTarget> refreshed = new ArrayList<>();
        private final IngestionTarget target = new IngestionTarget.ChannelSource(source.id());

        private void storedTen() {
            handler = new ScriptedHandler(channels(10));
            service().ingest(source.id());
            ingestions.whenSucceeded(refreshed::add);
        }

        @Test
        void an_ingestion_yielding_nothing_keeps_the_channels_and_says_why() {
            storedTen();
            handler = new ScriptedHandler(List.of());

            assertThatThrownBy(() -> service().ingest(source.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("stream source " + source.id()
                            + ": yielded no channels where 10 are stored: previous data kept; accept to apply");

            assertThat(channels.stored).hasSize(10);
            IngestionStatus status = service().status(source.id());
            assertThat(status.state()).isEqualTo(IngestionState.NEEDS_CONFIRMATION);
            assertThat(status.lastError()).contains("yielded no channels");
            assertThat(status.lastCount()).isEqualTo(10);
            assertThat(refreshed).isEmpty();
        }

        @Test
        void a_drop_of_60_percent_keeps_the_channels_and_needs_confirmation() {
            storedTen();
            handler = new ScriptedHandler(channels(4));

            assertThatThrownBy(() -> service().ingest(source.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .hasMessageContaining("would keep 4 of 10 channels (\u221260 %, more than the 50 % allowed):"
                            + " previous data kept; accept to apply");

            assertThat(channels.stored).hasSize(10);
            assertThat(statuses.find(target).orElseThrow().state()).isEqualTo(IngestionState.NEEDS_CONFIRMATION);
            assertThat(refreshed).isEmpty();
        }

        @Test
        void accepting_applies_the_drop_and_announces_the_refresh() {
            storedTen();
            handler = new ScriptedHandler(channels(4));
            assertThatThrownBy(() -> service().ingest(source.id())).isInstanceOf(UnconfirmedDropException.class);

            IngestionStatus accepted = service().ingest(source.id(), IngestMode.ACCEPT_DROP);

            assertThat(accepted.state()).isEqualTo(IngestionState.SUCCEEDED);
            assertThat(accepted.lastCount()).isEqualTo(4);
            assertThat(accepted.lastError()).isNull();
            assertThat(channels.stored).hasSize(4);
            assertThat(refreshed).containsExactly(target);
        }

        @Test
        void accepting_applies_even_nothing_in_the_background() {
            storedTen();
            handler = new ScriptedHandler(List.of());

            service().start(source.id(), IngestMode.ACCEPT_DROP);
            queued.forEach(Runnable::run);

            assertThat(channels.stored).isEmpty();
            assertThat(service().status(source.id()).state()).isEqualTo(IngestionState.SUCCEEDED);
        }

        @Test
        void a_drop_of_40_percent_applies() {
            storedTen();
            handler = new ScriptedHandler(channels(6));

            IngestionStatus status = service().ingest(source.id());

            assertThat(status.state()).isEqualTo(IngestionState.SUCCEEDED);
            assertThat(channels.stored).hasSize(6);
            assertThat(refreshed).containsExactly(target);
        }

        @Test
        void a_background_ingestion_needing_confirmation_records_why() {
            storedTen();
            handler = new ScriptedHandler(channels(1));

            service().start(source.id());
            queued.forEach(Runnable::run);

            IngestionStatus status = service().status(source.id());
            assertThat(status.state()).isEqualTo(IngestionState.NEEDS_CONFIRMATION);
            assertThat(status.lastError()).contains("would keep 1 of 10 channels");
            assertThat(channels.stored).hasSize(10);
        }

        @Test
        void the_first_ingestion_is_guarded_only_against_nothing() {
            handler = new ScriptedHandler(List.of());
            assertThatThrownBy(() -> service().ingest(source.id()))
                    .hasMessageEndingWith("yielded no channels: nothing stored; accept to store an empty source");

            handler = new ScriptedHandler(channels(1));
            assertThat(service().ingest(source.id()).state()).isEqualTo(IngestionState.SUCCEEDED);
        }

        @Test
        void the_limit_is_a_setting() {
            ExclusiveIngestions strict = new ExclusiveIngestions(
                    statuses, manual, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new DropLimit(0));
            handler = new ScriptedHandler(channels(10));
            service(strict).ingest(source.id());
            handler = new ScriptedHandler(channels(9));

            assertThatThrownBy(() -> service(strict).ingest(source.id()))
                    .hasMessageContaining("would keep 9 of 10 channels (\u221210 %, more than the 0 % allowed)");
            assertThat(channels.stored).hasSize(10);
        }
    }

    private List<Channel> channels(int count) {
        List<Channel> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(aChannel().from(source.id()).withKey("k" + i).build());
        }
        return list;
    }

    @Nested
    class Spooling {
        @TempDir
        Path spools;

        private final List<String> events = channels.events;

        private ChannelIngestionService service(ChannelSourceHandler reading) {
            ExclusiveIngestions spooling = new ExclusiveIngestions(
                    statuses, manual, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), DropLimit.DEFAULT, spools);
            return new ChannelIngestionService(sources(), channels, List.of(reading), spooling);
        }

        /** Yields channels a and b, noting each as it is read; then fails if told to. */
        private ChannelSourceHandler reading(boolean failing) {
            return new ChannelSourceHandler() {
                @Override
                public SourceKind kind() {
                    return SourceKind.M3U;
                }

                @Override
                public Map<String, String> ingest(StreamSource s, ChannelSink sink, IngestionProgress progress) {
                    for (String key : List.of("a", "b")) {
                        events.add("read " + key);
                        sink.accept(aChannel().from(s.id()).withKey(key).build());
                    }
                    if (failing) {
                        throw new UpstreamException("provider.example: connection reset after 2 channels");
                    }
                    return Map.of();
                }
            };
        }

        private long spoolFiles() throws IOException {
            try (Stream<Path> files = Files.list(spools)) {
                return files.count();
            }
        }

        @Test
        void the_source_is_read_whole_before_the_replace_begins() {
            service(reading(false)).ingest(source.id());

            assertThat(events).containsExactly("read a", "read b", "replace", "store a", "store b");
        }

        @Test
        void a_read_failing_half_way_opens_no_replace_and_leaves_no_spool() throws IOException {
            assertThatThrownBy(() -> service(reading(true)).ingest(source.id()))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageContaining("connection reset");

            assertThat(events).containsExactly("read a", "read b");
            assertThat(statuses.find(new IngestionTarget.ChannelSource(source.id()))
                            .orElseThrow()
                            .lastError())
                    .contains("connection reset");
            assertThat(spoolFiles()).isZero();
        }

        @Test
        void the_stored_keys_are_read_while_the_source_is_read() {
            CountDownLatch reading = new CountDownLatch(1);
            // one after the other, the key read would wait for a source read that has not begun
            channels.beforeKeys = () -> {
                try {
                    if (!reading.await(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the keys were read before the source, not beside it");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            };
            ChannelSourceHandler handler = reading(false);
            ChannelSourceHandler signalling = new ChannelSourceHandler() {
                @Override
                public SourceKind kind() {
                    return SourceKind.M3U;
                }

                @Override
                public Map<String, String> ingest(StreamSource s, ChannelSink sink, IngestionProgress progress) {
                    reading.countDown();
                    return handler.ingest(s, sink, progress);
                }
            };

            IngestionStatus status = service(signalling).ingest(source.id());

            assertThat(status.lastError()).isNull();
            assertThat(events).containsExactly("read a", "read b", "replace", "store a", "store b");
        }

        @Test
        void a_failing_key_read_fails_the_ingestion_and_stores_nothing() {
            channels.beforeKeys = () -> {
                throw new IllegalStateException("database is locked");
            };

            assertThatThrownBy(() -> service(reading(false)).ingest(source.id()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("database is locked");

            assertThat(events).doesNotContain("replace");
        }

        @Test
        void a_refresh_leaves_no_spool() throws IOException {
            service(reading(false)).ingest(source.id());

            assertThat(spoolFiles()).isZero();
        }
    }

    /**
     * A {@code file:} source is on this machine's disk, as fast to read as a spool: it is read straight into the
     * replace, on a thread of its own beside the store, and every rule of a refresh still holds.
     */
    @Nested
    class Local_source {
        private static final int MANY = 10_000;

        private final List<String> events = channels.events;

        Local_source() {
            source = new StreamSource(
                    source.id(),
                    source.name(),
                    SourceKind.M3U,
                    URI.create("file:///srv/playlists/provider.m3u"),
                    null,
                    null,
                    true,
                    null,
                    0,
                    XtreamOutput.TS,
                    false,
                    false,
                    source.createdAt(),
                    source.updatedAt());
        }

        @Test
        void is_stored_while_it_is_read() {
            CountDownLatch storing = new CountDownLatch(1);
            channels.onStore = storing::countDown;
            handler = new ScriptedHandler(channels(MANY)) {
                @Override
                public Map<String, String> ingest(StreamSource s, ChannelSink sink, IngestionProgress progress) {
                    super.ingest(s, sink, progress);
                    try {
                        // read whole before the replace, this would wait in vain
                        if (!storing.await(5, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("nothing was stored while the source was read");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return Map.of("m3u_entries", Integer.toString(MANY));
                }
            };

            IngestionStatus status = service().ingest(source.id());

            assertThat(status.lastError()).isNull();
            assertThat(status.lastCount()).isEqualTo(MANY);
            assertThat(channels.stored).hasSize(MANY);
            assertThat(channels.stored.get(MANY - 1).externalKey()).isEqualTo("k" + (MANY - 1));
            assertThat(status.details()).containsEntry("m3u_entries", Integer.toString(MANY));
        }

        @Test
        void a_read_failing_half_way_keeps_the_old_channels() {
            handler = new ScriptedHandler(channels(3));
            service().ingest(source.id());
            handler = new ScriptedHandler(null);

            assertThatThrownBy(() -> service().ingest(source.id()))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessage("provider.example: http 503");

            assertThat(channels.stored).extracting(Channel::externalKey).containsExactly("k0", "k1", "k2");
        }

        @Test
        void yielding_nothing_keeps_the_channels_and_says_why() {
            handler = new ScriptedHandler(channels(10));
            service().ingest(source.id());
            handler = new ScriptedHandler(List.of());

            assertThatThrownBy(() -> service().ingest(source.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .hasMessageContaining("yielded no channels where 10 are stored: previous data kept");

            assertThat(channels.stored).hasSize(10);
        }

        @Test
        void a_drop_of_60_percent_keeps_the_channels_unless_accepted() {
            handler = new ScriptedHandler(channels(10));
            service().ingest(source.id());
            handler = new ScriptedHandler(channels(4));

            assertThatThrownBy(() -> service().ingest(source.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .hasMessageContaining("would keep 4 of 10 channels");
            assertThat(channels.stored).hasSize(10);

            assertThat(service().ingest(source.id(), IngestMode.ACCEPT_DROP).lastCount())
                    .isEqualTo(4);
            assertThat(channels.stored).hasSize(4);
        }

        @Test
        void a_store_failing_stops_the_read_and_keeps_the_old_channels() {
            handler = new ScriptedHandler(channels(3));
            service().ingest(source.id());
            List<Throwable> readEnded = java.util.Collections.synchronizedList(new ArrayList<>());
            handler = new ScriptedHandler(channels(MANY)) {
                @Override
                public Map<String, String> ingest(StreamSource s, ChannelSink sink, IngestionProgress progress) {
                    try {
                        return super.ingest(s, sink, progress);
                    } catch (RuntimeException e) {
                        readEnded.add(e);
                        throw e;
                    }
                }
            };
            channels.onStore = () -> {
                throw new IllegalStateException("disk full");
            };

            assertThatThrownBy(() -> service().ingest(source.id()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("disk full");

            // the read was told to stop, and had stopped by the time the ingestion returned
            assertThat(readEnded).hasSize(1);
            assertThat(channels.stored).hasSize(3);
        }

        @Test
        void a_remote_source_is_still_read_whole_before_its_replace() {
            source = anM3uSource("remote");
            handler = new ScriptedHandler(channels(2)) {
                @Override
                public Map<String, String> ingest(StreamSource s, ChannelSink sink, IngestionProgress progress) {
                    super.ingest(s, sink, progress);
                    events.add("read whole");
                    return Map.of();
                }
            };

            service().ingest(source.id());

            assertThat(events).containsExactly("read whole", "replace", "store k0", "store k1");
        }
    }

    @Nested
    class Unknown_source {
        @Test
        void is_not_found_and_starts_nothing() {
            SourceId unknown = SourceId.random();

            assertThatThrownBy(() -> service().start(unknown))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("stream source " + unknown + ": not found");
            assertThat(queued).isEmpty();
        }
    }

    @Nested
    class Channel_ids_across_the_key_scheme_change {
        private Channel legacy(String key, String name, String url) {
            return aChannel()
                    .from(source.id())
                    .withKey(key)
                    .named(name)
                    .withUrl(url)
                    .build();
        }

        private Channel current(String key, String name, String url) {
            return aChannel()
                    .from(source.id())
                    .withKey("m3u:" + key)
                    .named(name)
                    .withUrl(url)
                    .build();
        }

        @Test
        void a_channel_stored_under_the_earlier_scheme_keeps_its_id_by_url_and_then_by_its_new_key() {
            Channel before = legacy("one.uk|One", "One", "http://cdn/one.ts");
            channels.stored = List.of(before);
            handler = new ScriptedHandler(List.of(current("one.uk|/one.ts", "One", "http://cdn/one.ts")));
            service().ingest(source.id());
            queued.forEach(Runnable::run);
            queued.clear();

            assertThat(channels.stored).extracting(Channel::id).containsExactly(before.id());

            handler = new ScriptedHandler(List.of(current("one.uk|/one.ts", "One renamed", "http://cdn/one.ts?t=2")));
            service().ingest(source.id());
            queued.forEach(Runnable::run);

            assertThat(channels.stored).extracting(Channel::id).containsExactly(before.id());
            assertThat(channels.stored.get(0).name()).isEqualTo("One renamed");
        }

        @Test
        void an_earlier_scheme_channel_whose_url_changed_is_found_by_tvg_id_and_name() {
            Channel before = legacy("one.uk|One", "One", "http://cdn/one.ts?token=a");
            channels.stored = List.of(before);
            handler = new ScriptedHandler(List.of(aChannel()
                    .from(source.id())
                    .withKey("m3u:one.uk|/one.ts")
                    .withTvgId("one.uk")
                    .named("One")
                    .withUrl("http://cdn/one.ts?token=b")
                    .build()));

            service().ingest(source.id());
            queued.forEach(Runnable::run);

            assertThat(channels.stored).extracting(Channel::id).containsExactly(before.id());
        }

        @Test
        void one_stored_id_goes_to_one_fresh_channel_only() {
            Channel before = legacy("|One", "One", "http://cdn/same.ts");
            channels.stored = List.of(before);
            handler = new ScriptedHandler(List.of(
                    current("|/same.ts", "One", "http://cdn/same.ts"),
                    current("|/same.ts#2", "One", "http://cdn/same.ts")));

            service().ingest(source.id());
            queued.forEach(Runnable::run);

            assertThat(channels.stored)
                    .extracting(Channel::id)
                    .doesNotHaveDuplicates()
                    .contains(before.id());
        }

        @Test
        void a_channel_first_seen_under_the_current_scheme_has_its_derived_id() {
            Channel fresh = current("two|/two.ts", "Two", "http://cdn/two.ts");
            handler = new ScriptedHandler(List.of(fresh));

            service().ingest(source.id());
            queued.forEach(Runnable::run);

            assertThat(channels.stored)
                    .extracting(Channel::id)
                    .containsExactly(ChannelId.of(source.id(), "m3u:two|/two.ts"));
        }
    }

    /** Emits the given channels, or fails midway when given null. */
    private static class ScriptedHandler implements ChannelSourceHandler {
        private final @Nullable List<Channel> channels;

        ScriptedHandler(@Nullable List<Channel> channels) {
            this.channels = channels;
        }

        @Override
        public SourceKind kind() {
            return SourceKind.M3U;
        }

        @Override
        public Map<String, String> ingest(StreamSource source, ChannelSink sink, IngestionProgress progress) {
            if (channels == null) {
                sink.accept(aChannel().from(source.id()).withKey("partial").build());
                throw new UpstreamException("provider.example: http 503");
            }
            channels.forEach(sink::accept);
            return Map.of();
        }
    }

    /** Replaces atomically like the real repositories: the new set only lands when the writer returns. */
    private static final class FakeChannels implements ChannelRepository {
        List<Channel> stored = List.of();
        /** What happened, in order: {@code replace} as a replace begins, {@code store <key>} for each channel. */
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Runs as the stored keys are read, on the reading thread. */
        Runnable beforeKeys = () -> {};
        /** Runs as each channel is stored, on the storing thread. */
        Runnable onStore = () -> {};

        @Override
        public void forEachKeyBySource(SourceId source, Consumer<StoredChannelKey> consumer) {
            beforeKeys.run();
            stored.forEach(channel -> consumer.accept(StoredChannelKey.of(channel)));
        }

        @Override
        public long replaceAllForSource(SourceId source, Consumer<ChannelSink> writer) {
            events.add("replace");
            List<Channel> incoming = new ArrayList<>();
            writer.accept(channel -> {
                events.add("store " + channel.externalKey());
                onStore.run();
                incoming.add(channel);
            });
            stored = incoming;
            return incoming.size();
        }

        @Override
        public void forEachBySource(SourceId source, Consumer<Channel> consumer) {
            stored.forEach(consumer);
        }

        @Override
        public Optional<Channel> findById(ChannelId id) {
            return stored.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public long countBySource(SourceId source) {
            return stored.size();
        }

        @Override
        public Page<Channel> findPage(ChannelQuery query) {
            return new Page<>(stored, 0, stored.size(), stored.size());
        }

        @Override
        public List<GroupCount> groups(@Nullable SourceId source) {
            return List.of();
        }
    }
}
