package io.tvarr.domain.ingestion.service;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aLocalXmltvSource;
import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anEpgChannel;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.Page;
import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceHandler;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.UnconfirmedDropException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GuideIngestionServiceTest {
    private final EpgSource source = anXmltvSource("guide");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final FakeGuides guides = new FakeGuides();
    private final FakeIngestionStatuses statuses = new FakeIngestionStatuses();
    private final ExclusiveIngestions ingestions = new ExclusiveIngestions(statuses, Runnable::run, clock);
    private final List<IngestionTarget> refreshed = new ArrayList<>();

    GuideIngestionServiceTest() {
        ingestions.whenSucceeded(refreshed::add);
    }

    private GuideIngestionService service(List<EpgProgramme> programmes) {
        return service(source, programmes);
    }

    private GuideIngestionService service(EpgSource source, List<EpgProgramme> programmes) {
        return service(source, programmes, null);
    }

    /** A handler yielding the programmes, then failing with {@code failure} when there is one. */
    private GuideIngestionService service(
            EpgSource source, List<EpgProgramme> programmes, @Nullable RuntimeException failure) {
        EpgSourceHandler handler = new EpgSourceHandler() {
            @Override
            public EpgSourceKind kind() {
                return EpgSourceKind.XMLTV;
            }

            @Override
            public Map<String, String> ingest(EpgSource s, EpgSink sink, IngestionProgress progress) {
                guides.events.add("read channel bbc1.uk");
                sink.channel(anEpgChannel(s.id(), "bbc1.uk", "BBC One"));
                for (EpgProgramme programme : programmes) {
                    guides.events.add("read " + programme.title());
                    sink.programme(programme);
                }
                if (failure != null) {
                    throw failure;
                }
                return Map.of();
            }
        };
        return new GuideIngestionService(new OneSource(source), guides, List.of(handler), ingestions, clock);
    }

    private List<EpgProgramme> programmes(int count, Instant from) {
        return programmes(source, count, from);
    }

    private static List<EpgProgramme> programmes(EpgSource source, int count, Instant from) {
        List<EpgProgramme> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(aProgramme(source.id(), "bbc1.uk", from.plus(Duration.ofMinutes(30L * i)), "Show " + i));
        }
        return list;
    }

    @Test
    void a_guide_without_programmes_keeps_the_stored_ones_and_says_why() {
        service(programmes(10, T0)).ingest(source.id());

        assertThatThrownBy(() -> service(List.of()).ingest(source.id()))
                .isInstanceOf(UnconfirmedDropException.class)
                .hasMessageEndingWith("yielded no programmes where 10 are stored: previous data kept; accept to apply");

        assertThat(guides.programmes).hasSize(10);
        assertThat(ingestions
                        .status(new IngestionTarget.GuideSource(source.id()))
                        .state())
                .isEqualTo(IngestionState.NEEDS_CONFIRMATION);
        assertThat(refreshed).hasSize(1);
    }

    @Test
    void a_programme_of_another_guide_is_refused_naming_its_channel_and_guide_and_the_stored_ones_kept() {
        service(programmes(3, T0)).ingest(source.id());
        EpgSource stranger = anXmltvSource("stranger");
        List<EpgProgramme> mixed = new ArrayList<>(programmes(2, T0));
        mixed.add(aProgramme(stranger.id(), "itv1.uk", T0, "Elsewhere"));

        assertThatThrownBy(() -> service(mixed).ingest(source.id()))
                .hasMessageContaining(
                        "programme of itv1.uk: belongs to guide " + stranger.id() + ", not " + source.id());

        assertThat(guides.programmes).hasSize(3);
    }

    @Test
    void the_guide_is_read_whole_before_the_replace_begins() {
        service(programmes(2, T0)).ingest(source.id());

        assertThat(guides.events)
                .containsExactly(
                        "read channel bbc1.uk",
                        "read Show 0",
                        "read Show 1",
                        "replace",
                        "store channel bbc1.uk",
                        "store Show 0",
                        "store Show 1");
    }

    @Nested
    class A_local_guide {
        private final EpgSource local = aLocalXmltvSource("local");

        @Test
        void is_stored_as_it_is_read_without_a_spool() {
            service(local, programmes(local, 2, T0)).ingest(local.id());

            assertThat(guides.events)
                    .containsExactly(
                            "replace",
                            "read channel bbc1.uk",
                            "store channel bbc1.uk",
                            "read Show 0",
                            "store Show 0",
                            "read Show 1",
                            "store Show 1");
            assertThat(guides.programmes).hasSize(2);
        }

        @Test
        void without_programmes_keeps_the_stored_ones_and_says_why() {
            service(local, programmes(local, 10, T0)).ingest(local.id());

            assertThatThrownBy(() -> service(local, List.of()).ingest(local.id()))
                    .isInstanceOf(UnconfirmedDropException.class)
                    .hasMessageEndingWith(
                            "yielded no programmes where 10 are stored: previous data kept; accept to apply");
            assertThat(guides.programmes).hasSize(10);
        }

        @Test
        void counts_only_programmes_inside_the_retention_window_for_the_drop_guard() {
            service(local, programmes(local, 10, T0)).ingest(local.id());

            assertThatThrownBy(() -> service(local, programmes(local, 10, T0.minus(Duration.ofDays(400))))
                            .ingest(local.id()))
                    .hasMessageContaining("yielded no programmes where 10 are stored");
            assertThat(guides.programmes).hasSize(10);
        }

        @Test
        void that_fails_half_read_keeps_the_stored_guide() {
            service(local, programmes(local, 10, T0)).ingest(local.id());
            IllegalStateException broken = new IllegalStateException("line 9, column 1: broken XML");

            assertThatThrownBy(() ->
                            service(local, programmes(local, 3, T0), broken).ingest(local.id()))
                    .isSameAs(broken);
            assertThat(guides.programmes).hasSize(10);
        }

        @Test
        void reports_the_programmes_outside_the_retention_window() {
            List<EpgProgramme> mixed = new ArrayList<>(programmes(local, 3, T0));
            mixed.addAll(programmes(local, 2, T0.minus(Duration.ofDays(400))));

            var status = service(local, mixed).ingest(local.id());

            assertThat(status.lastCount()).isEqualTo(3);
            assertThat(status.details()).containsEntry("programmes_outside_retention", "2");
        }
    }

    @Test
    void programmes_outside_the_retention_window_do_not_count() {
        service(programmes(10, T0)).ingest(source.id());

        assertThatThrownBy(() ->
                        service(programmes(10, T0.minus(Duration.ofDays(400)))).ingest(source.id()))
                .hasMessageContaining("yielded no programmes where 10 are stored");
        assertThat(guides.programmes).hasSize(10);
    }

    @Test
    void a_drop_of_60_percent_needs_confirmation_and_accepting_applies_it() {
        service(programmes(10, T0)).ingest(source.id());

        assertThatThrownBy(() -> service(programmes(4, T0)).ingest(source.id()))
                .hasMessageContaining("would keep 4 of 10 programmes");
        assertThat(guides.programmes).hasSize(10);

        assertThat(service(programmes(4, T0))
                        .ingest(source.id(), IngestMode.ACCEPT_DROP)
                        .state())
                .isEqualTo(IngestionState.SUCCEEDED);
        assertThat(guides.programmes).hasSize(4);
        assertThat(refreshed).hasSize(2);
    }

    private record OneSource(EpgSource source) implements EpgSourceRepository {
        @Override
        public void insert(EpgSource s) {}

        @Override
        public void update(EpgSource s) {}

        @Override
        public boolean delete(EpgSourceId id) {
            return false;
        }

        @Override
        public Optional<EpgSource> findById(EpgSourceId id) {
            return id.equals(source.id()) ? Optional.of(source) : Optional.empty();
        }

        @Override
        public List<EpgSource> findAll() {
            return List.of(source);
        }
    }

    /** Replaces atomically like the real repository: the new guide only lands when the writer returns. */
    private static final class FakeGuides implements EpgRepository {
        List<EpgProgramme> programmes = List.of();
        /** What happened, in order: {@code replace} as a replace begins, {@code store <title>} per programme. */
        final List<String> events = new ArrayList<>();

        @Override
        public long replaceAllForSource(EpgSourceId source, Consumer<EpgSink> writer) {
            events.add("replace");
            List<EpgProgramme> incoming = new ArrayList<>();
            writer.accept(new EpgSink() {
                @Override
                public void channel(EpgChannel channel) {
                    events.add("store channel " + channel.id());
                }

                @Override
                public void programme(EpgProgramme programme) {
                    events.add("store " + programme.title());
                    incoming.add(programme);
                }
            });
            programmes = incoming;
            return incoming.size();
        }

        @Override
        public long countProgrammes(EpgSourceId source) {
            return programmes.size();
        }

        @Override
        public void forEachChannelBySource(EpgSourceId source, Consumer<EpgChannel> consumer) {}

        @Override
        public void forEachProgrammeBySource(
                EpgSourceId source,
                Instant from,
                Instant to,
                ChannelIdRange range,
                Predicate<String> channels,
                Consumer<EpgProgramme> consumer) {
            programmes.forEach(consumer);
        }

        @Override
        public List<EpgProgramme> findProgrammes(
                @Nullable EpgSourceId source, String channelId, Instant from, Instant to, int page, int size) {
            return programmes;
        }

        @Override
        public Page<EpgChannel> findChannels(@Nullable EpgSourceId source, int page, int size) {
            return new Page<>(List.of(), page, size, 0);
        }

        @Override
        public void forEachOnAir(Collection<EpgSourceId> sources, Instant at, Consumer<EpgProgramme> consumer) {}

        @Override
        public long deleteEndedBefore(Instant cutoff) {
            return 0;
        }
    }
}
