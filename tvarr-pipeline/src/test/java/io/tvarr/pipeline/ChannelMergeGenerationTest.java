package io.tvarr.pipeline;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.StreamSource;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two accounts of one provider in a proxy that merges the same channel from both for failover. */
class ChannelMergeGenerationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    JdbiPersistence store;
    StreamSource accountA;
    StreamSource accountB;
    final Map<ProxyId, ProxyFailover> failover = new HashMap<>();
    ProxyGenerator generator;
    PublishedMerges merges;
    Channel newsA;
    Channel newsB;
    Channel sportA;
    Channel sportB;

    @BeforeEach
    void open() {
        store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")));
        store.migrate();
        accountA = anM3uSource("account-a");
        accountB = anM3uSource("account-b");
        store.streamSources().insert(accountA);
        store.streamSources().insert(accountB);
        newsA = aChannel()
                .from(accountA.id())
                .withKey("1")
                .named("News HD")
                .withTvgId("news.uk")
                .build();
        sportA = aChannel().from(accountA.id()).withKey("2").named("Sport").build();
        newsB = aChannel()
                .from(accountB.id())
                .withKey("1")
                .named("News  hd")
                .withTvgId("NEWS.uk")
                .build();
        sportB = aChannel().from(accountB.id()).withKey("2").named("SPORT!").build();
        channels(accountA, newsA, sportA);
        channels(accountB, newsB, sportB);
        PipelineSettings settings = new PipelineSettings(dir.resolve("proxies"), () -> "http://tv.local/", 1);
        generator = new ProxyGenerator(
                new PipelineInputs(
                                store.proxies(),
                                store.streamSources(),
                                store.channels(),
                                store.epgSources(),
                                store.epg(),
                                store.filters(),
                                store.mappingRules(),
                                OutputAccess::defaults)
                        .withFailover(new Settings()),
                settings,
                new IngestionGuard(id -> false, Duration.ofMillis(100), Duration.ofMillis(5)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        merges = new PublishedMerges(settings);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void channels(StreamSource source, Channel... channels) {
        store.channels()
                .replaceAllForSource(source.id(), sink -> List.of(channels).forEach(sink::accept));
    }

    private StreamProxy proxy(MergeBy mergeBy) {
        StreamProxy proxy = new StreamProxy(
                ProxyId.random(),
                "Merged",
                "merged",
                List.of(accountA.id(), accountB.id()),
                List.of(),
                List.of(),
                List.of(),
                Numbering.DEFAULT,
                DeliveryMode.PROXY,
                null,
                new OutputSettings(true, null, true, false, false, 1, 2),
                null,
                NOW,
                NOW);
        store.proxies().insert(proxy);
        failover.put(proxy.id(), new ProxyFailover(mergeBy, List.of()));
        return proxy;
    }

    private String playlist(ProxyId proxy) throws IOException {
        return Files.readString(generator.playlist(proxy).orElseThrow());
    }

    @Test
    void without_merging_every_account_lists_its_own_channels() throws IOException {
        StreamProxy proxy = proxy(MergeBy.NONE);

        GenerationReport report = generator.generate(proxy.id());

        assertThat(report.channels()).isEqualTo(4);
        assertThat(merges.mergedInto(proxy.id(), newsA.id())).isEmpty();
    }

    @Test
    void merging_by_tvg_id_lists_the_channel_once_and_publishes_the_other_account_as_its_failover() throws IOException {
        StreamProxy proxy = proxy(MergeBy.TVG_ID);

        GenerationReport report = generator.generate(proxy.id());

        assertThat(report.channels()).isEqualTo(3);
        assertThat(playlist(proxy.id()))
                .contains(newsA.id().toString())
                .doesNotContain(newsB.id().toString());
        assertThat(merges.mergedInto(proxy.id(), newsA.id())).containsExactly(newsB.id());
        assertThat(merges.mergedInto(proxy.id(), sportA.id())).isEmpty();
        assertThat(report.stages())
                .filteredOn(s -> s.stage().equals("channel_merge"))
                .singleElement()
                .satisfies(s -> assertThat(s.dropped()).isEqualTo(Map.of("merged_into_earlier_channel", 1L)));
    }

    @Test
    void merging_by_tvg_id_or_name_also_merges_channels_whose_normalised_names_match() throws IOException {
        StreamProxy proxy = proxy(MergeBy.TVG_ID_OR_NAME);

        GenerationReport report = generator.generate(proxy.id());

        assertThat(report.channels()).isEqualTo(2);
        assertThat(merges.mergedInto(proxy.id(), sportA.id())).containsExactly(sportB.id());
    }

    @Test
    void a_later_generation_without_merging_publishes_no_merges() {
        StreamProxy proxy = proxy(MergeBy.NAME);
        generator.generate(proxy.id());
        assertThat(merges.mergedInto(proxy.id(), newsA.id())).containsExactly(newsB.id());

        failover.put(proxy.id(), ProxyFailover.NONE);
        generator.generate(proxy.id());

        assertThat(merges.mergedInto(proxy.id(), newsA.id())).isEmpty();
    }

    private final class Settings implements ProxyFailoverRepository {
        @Override
        public ProxyFailover find(ProxyId proxy) {
            return failover.getOrDefault(proxy, ProxyFailover.NONE);
        }

        @Override
        public void save(ProxyId proxy, ProxyFailover settings) {
            failover.put(proxy, settings);
        }
    }
}
