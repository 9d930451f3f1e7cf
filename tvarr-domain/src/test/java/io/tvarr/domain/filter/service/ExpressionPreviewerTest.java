package io.tvarr.domain.filter.service;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProgramme;
import static io.tvarr.domain.TestData.anM3uSource;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.ExpressionField;
import io.tvarr.domain.filter.ExpressionProblem;
import io.tvarr.domain.filter.InvalidExpressionException;
import io.tvarr.domain.filter.port.in.PreviewQuery;
import io.tvarr.domain.filter.port.in.PreviewResult;
import io.tvarr.domain.filter.port.out.ExpressionLanguage;
import io.tvarr.domain.filter.port.out.ExpressionTrial;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
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

class ExpressionPreviewerTest {
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    final StreamSource uk = anM3uSource("uk");
    final StreamSource us = anM3uSource("us");
    final EpgSource guide = anXmltvSource("guide");
    final List<Channel> ukChannels = List.of(
            aChannel().from(uk.id()).withKey("1").named("BBC One").build(),
            aChannel().from(uk.id()).withKey("2").named("BBC Two").build(),
            aChannel().from(uk.id()).withKey("3").named("ITV").build(),
            aChannel().from(uk.id()).withKey("4").named("BBC Four").build());
    final List<Channel> usChannels =
            List.of(aChannel().from(us.id()).withKey("1").named("BBC America").build());
    final List<EpgProgramme> programmes = List.of(
            aProgramme(guide.id(), "bbc1", NOW, "News"), aProgramme(guide.id(), "bbc1", NOW.plusSeconds(1800), "Film"));
    final FakeLanguage language = new FakeLanguage();
    final List<String> programmeWindows = new ArrayList<>();

    ExpressionPreviewer previewer() {
        return new ExpressionPreviewer(
                new ExpressionPreviewer.Records(new Sources(), new Channels(), new Guides(), new Programmes()),
                language,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static PreviewQuery query(ExpressionDomain domain, String expression, List<SourceId> sources, int samples) {
        return new PreviewQuery(domain, expression, sources, List.of(), samples);
    }

    @Nested
    class Channels_ {
        @Test
        void counts_every_channel_but_keeps_only_the_first_matches_as_samples() {
            PreviewResult result = previewer().preview(query(ExpressionDomain.STREAM_MAPPING, "BBC", List.of(), 2));

            assertThat(result.scanned()).isEqualTo(5);
            assertThat(result.matched()).isEqualTo(4);
            assertThat(result.samples())
                    .extracting(sample -> sample.before().get("channel_name"))
                    .containsExactly("BBC One", "BBC Two");
            assertThat(result.samples().get(0).after()).containsEntry("channel_name", "BBC One (mapped)");
        }

        @Test
        void asks_for_values_only_while_samples_are_still_wanted() {
            previewer().preview(query(ExpressionDomain.STREAM_FILTER, "BBC", List.of(), 1));

            assertThat(language.detailsAsked)
                    .containsExactly(
                            ExpressionTrial.Detail.VALUES,
                            ExpressionTrial.Detail.VERDICT,
                            ExpressionTrial.Detail.VERDICT,
                            ExpressionTrial.Detail.VERDICT,
                            ExpressionTrial.Detail.VERDICT);
        }

        @Test
        void reads_only_the_sources_asked_for_and_counts_failed_evaluations() {
            PreviewResult result =
                    previewer().preview(query(ExpressionDomain.STREAM_FILTER, "America", List.of(us.id()), 10));

            assertThat(result.scanned()).isEqualTo(1);
            assertThat(result.matched()).isEqualTo(1);
            assertThat(result.evaluationErrors()).isEqualTo(1);
        }

        @Test
        void an_invalid_expression_fails_before_anything_is_read() {
            assertThatThrownBy(() -> previewer().preview(query(ExpressionDomain.STREAM_FILTER, "", List.of(), 1)))
                    .isInstanceOf(InvalidExpressionException.class);
            assertThat(language.detailsAsked).isEmpty();
        }
    }

    @Nested
    class Programmes_ {
        @Test
        void reads_each_guide_inside_its_retention_window() {
            PreviewResult result =
                    previewer().preview(new PreviewQuery(ExpressionDomain.EPG_FILTER, "Film", List.of(), List.of(), 5));

            assertThat(result.scanned()).isEqualTo(2);
            assertThat(result.matched()).isEqualTo(1);
            assertThat(result.samples())
                    .singleElement()
                    .satisfies(s -> assertThat(s.before()).containsEntry("programme_title", "Film"));
            assertThat(programmeWindows)
                    .containsExactly(guide.retention().from(NOW) + ".."
                            + guide.retention().to(NOW));
        }
    }

    /**
     * A language in which an expression is a word: a record matches when its name or title contains it, a mapping
     * appends " (mapped)", and a name containing "America" fails to evaluate. An empty expression is invalid.
     */
    final class FakeLanguage implements ExpressionLanguage {
        final List<ExpressionTrial.Detail> detailsAsked = new ArrayList<>();

        @Override
        public Optional<ExpressionProblem> validate(ExpressionDomain domain, String expression) {
            return Optional.empty();
        }

        @Override
        public List<ExpressionField> fields(ExpressionDomain domain) {
            return List.of();
        }

        @Override
        public ExpressionTrial trial(ExpressionDomain domain, String word) {
            if (word.isEmpty()) {
                throw new InvalidExpressionException("expression", new ExpressionProblem("empty", 1, "^"));
            }
            return new ExpressionTrial() {
                @Override
                public Outcome run(Channel channel, StreamSource source, Detail detail) {
                    return outcome("channel_name", channel.name(), detail);
                }

                @Override
                public Outcome run(EpgProgramme programme, Detail detail) {
                    return outcome("programme_title", programme.title(), detail);
                }

                private Outcome outcome(String field, String value, Detail detail) {
                    detailsAsked.add(detail);
                    boolean matched = value.contains(word);
                    boolean values = detail == Detail.VALUES;
                    String after = domain.isFilter() ? value : value + " (mapped)";
                    return new Outcome(
                            matched,
                            value.contains("America"),
                            values ? Map.of(field, value) : Map.of(),
                            values && matched ? Map.of(field, after) : Map.of());
                }
            };
        }
    }

    final class Sources implements StreamSourceRepository {
        @Override
        public void insert(StreamSource source) {}

        @Override
        public void update(StreamSource source) {}

        @Override
        public boolean delete(SourceId id) {
            return false;
        }

        @Override
        public Optional<StreamSource> findById(SourceId id) {
            return Optional.empty();
        }

        @Override
        public List<StreamSource> findAll() {
            return List.of(uk, us);
        }
    }

    final class Channels implements ChannelRepository {
        @Override
        public long replaceAllForSource(SourceId source, Consumer<ChannelSink> writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachBySource(SourceId source, Consumer<Channel> consumer) {
            (source.equals(uk.id()) ? ukChannels : usChannels).forEach(consumer);
        }

        @Override
        public Optional<Channel> findById(ChannelId id) {
            return Optional.empty();
        }

        @Override
        public long countBySource(SourceId source) {
            return 0;
        }

        @Override
        public Page<Channel> findPage(ChannelQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<GroupCount> groups(@Nullable SourceId source) {
            return List.of();
        }
    }

    final class Guides implements EpgSourceRepository {
        @Override
        public void insert(EpgSource source) {}

        @Override
        public void update(EpgSource source) {}

        @Override
        public boolean delete(EpgSourceId id) {
            return false;
        }

        @Override
        public Optional<EpgSource> findById(EpgSourceId id) {
            return Optional.empty();
        }

        @Override
        public List<EpgSource> findAll() {
            return List.of(guide);
        }
    }

    final class Programmes implements EpgRepository {
        @Override
        public long replaceAllForSource(EpgSourceId source, Consumer<EpgSink> writer) {
            throw new UnsupportedOperationException();
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
            programmeWindows.add(from + ".." + to);
            programmes.forEach(consumer);
        }

        @Override
        public List<EpgProgramme> findProgrammes(
                @Nullable EpgSourceId source, String channelId, Instant from, Instant to, int page, int size) {
            return List.of();
        }

        @Override
        public Page<EpgChannel> findChannels(@Nullable EpgSourceId source, int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachOnAir(Collection<EpgSourceId> sources, Instant at, Consumer<EpgProgramme> consumer) {}

        @Override
        public long countProgrammes(EpgSourceId source) {
            return 0;
        }

        @Override
        public long deleteEndedBefore(Instant cutoff) {
            return 0;
        }
    }
}
