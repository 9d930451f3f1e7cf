package io.tvarr.domain.job.service;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.anM3uSource;
import static io.tvarr.domain.TestData.anXmltvSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.port.out.JobWork;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Generation jobs are held back by a latch, so the queued jobs stay visible for the assertions. */
class RegenerateProxiesOnRefreshTest {
    private final StreamSource channels = anM3uSource("channels");
    private final EpgSource guide = anXmltvSource("guide");
    private final StreamProxy usesChannels = proxy("uses-channels", List.of(channels.id()), List.of());
    private final StreamProxy usesGuide = proxy("uses-guide", List.of(), List.of(guide.id()));
    private final StreamProxy usesNeither = proxy("uses-neither", List.of(), List.of());

    private final InMemoryJobRepository jobs = new InMemoryJobRepository();
    private final InMemoryStreamProxies proxies = new InMemoryStreamProxies();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final JobQueue queue = new JobQueue(
            jobs,
            Map.<JobKind, JobWork>of(JobKind.PROXY_GENERATE, target -> {
                await();
                return Map.of();
            }),
            new JobQueue.Settings(1, 0, Duration.ofMillis(1)),
            new ImmediateRetries(),
            executor,
            job -> {},
            Clock.fixed(T0, ZoneOffset.UTC));
    private final RegenerateProxiesOnRefresh regenerate = new RegenerateProxiesOnRefresh(proxies, queue);

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        queue.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void a_refreshed_channel_source_regenerates_only_the_proxies_that_use_it() {
        List.of(usesChannels, usesGuide, usesNeither).forEach(proxies::insert);

        regenerate.succeeded(new IngestionTarget.ChannelSource(channels.id()));

        assertThat(generated()).containsExactly(usesChannels.id().toString());
    }

    @Test
    void a_refreshed_guide_regenerates_only_the_proxies_that_use_it() {
        List.of(usesChannels, usesGuide, usesNeither).forEach(proxies::insert);

        regenerate.succeeded(new IngestionTarget.GuideSource(guide.id()));

        assertThat(generated()).containsExactly(usesGuide.id().toString());
    }

    @Test
    void an_input_no_proxy_uses_queues_nothing() {
        proxies.insert(usesNeither);

        regenerate.succeeded(new IngestionTarget.ChannelSource(channels.id()));

        assertThat(generated()).isEmpty();
    }

    private List<String> generated() {
        return jobs.findPage(null, JobKind.PROXY_GENERATE, 0, 10).items().stream()
                .map(Job::target)
                .toList();
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StreamProxy proxy(String slug, List<SourceId> sources, List<EpgSourceId> guides) {
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
}
