package io.tvarr.pipeline;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.logo.LogoCacheResult;
import io.tvarr.domain.logo.port.in.CacheLogosUseCase;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationReport.StageReport;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.pipeline.output.AtomicPublisher;
import io.tvarr.pipeline.output.MergedChannelsFile;
import io.tvarr.pipeline.output.PlaylistEntries;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.epg.GuideMatcher;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import io.tvarr.pipeline.stage.logo.LogoStage;
import io.tvarr.pipeline.stage.numbering.ChannelNumberer;
import io.tvarr.pipeline.stage.numbering.NumberingStage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One generation of one proxy, in order: the ingestion guard, loading the inputs ({@link GenerationInputs}), the
 * channel pass ({@link ChannelPass}, after a {@link ChannelPrepass} when numbering or logo
 * caching need one) writing the playlist and its lineup, the guide pass writing the guide ({@link GuidePass}), then
 * the three files published together;
 * everything it does is told in the report ({@link GenerationReportBuilder}).
 */
final class Generation {
    private final StreamProxy proxy;
    private final PipelineInputs inputs;
    private final PublishedOutputs outputs;
    private final Path directory;
    private final String baseUrl;
    private final IngestionGuard guard;
    private final int guideReaders;
    private final Clock clock;
    private final AtomicPublisher publisher = new AtomicPublisher();
    private final @Nullable CacheLogosUseCase logoCache;

    Generation(
            StreamProxy proxy,
            PipelineInputs inputs,
            PublishedOutputs outputs,
            String baseUrl,
            IngestionGuard guard,
            int guideReaders,
            @Nullable CacheLogosUseCase logoCache,
            Clock clock) {
        this.proxy = proxy;
        this.logoCache = logoCache;
        this.inputs = inputs;
        this.outputs = outputs;
        this.directory = outputs.directory(proxy.id());
        this.baseUrl = baseUrl;
        this.guard = guard;
        this.guideReaders = guideReaders;
        this.clock = clock;
    }

    /** Runs the generation; {@code servingFiles} off publishes the playlist and guide alone. */
    GenerationReport run(boolean servingFiles) {
        GenerationReportBuilder report = new GenerationReportBuilder(proxy.id(), clock.instant());
        OutputAccess access = inputs.access().read(proxy.id());
        awaitIngestions(report);
        GenerationInputs loaded = GenerationInputs.load(proxy, inputs, report);
        ChannelPass channelPass = new ChannelPass(
                proxy,
                loaded.rules(),
                matcher(loaded.guides(), loaded.manual()),
                report,
                inputs.failover().find(proxy.id()).mergeBy());
        ChannelFeed channels = new ChannelFeed(
                inputs.channels(),
                loaded.sources(),
                loaded.manual(),
                ManualChannel.sourceOf(proxy.id(), proxy.updatedAt()));
        List<Stage<ProxyChannel>> numberingOnwards = numberingOnwards(
                ChannelPrepass.run(proxy, loaded.rules(), channels, report),
                loaded.rules().overrides().pinnedNumbers(),
                access,
                report);
        PlaylistEntries entries = new PlaylistEntries(proxy, baseUrl, access.outputKey());
        if (!servingFiles) {
            try (AtomicPublisher.Draft playlist = channelPass.writePlaylist(
                            publisher,
                            directory.resolve(ProxyGenerator.PLAYLIST),
                            channels,
                            numberingOnwards,
                            entries);
                    AtomicPublisher.Draft guide = guide(channelPass, loaded, report)) {
                publish(List.of(playlist, guide), report);
            }
            return report.build();
        }
        try (AtomicPublisher.Drafts playlist = channelPass.write(
                        publisher,
                        directory.resolve(ProxyGenerator.PLAYLIST),
                        directory.resolve(ProxyGenerator.LINEUP),
                        channels,
                        numberingOnwards,
                        entries);
                AtomicPublisher.Draft lineup = channelPass.xtreamLineup();
                AtomicPublisher.Draft merges =
                        publisher.write(directory.resolve(MergedChannelsFile.NAME), channelPass::writeMerges);
                AtomicPublisher.Draft matches = channelPass.guideMatches();
                AtomicPublisher.Draft guide = guide(channelPass, loaded, report)) {
            publish(List.of(playlist.first(), playlist.second(), lineup, merges, guide, matches), report);
            return report.build();
        }
    }

    /** The guide of the channels the written playlist uses; after the channel pass. */
    private AtomicPublisher.Draft guide(
            ChannelPass channelPass, GenerationInputs loaded, GenerationReportBuilder report) {
        GuidePass guidePass = new GuidePass(
                loaded.guides(),
                inputs.guides(),
                window(),
                guideReaders,
                proxy.output().keepGuideExtras());
        return guidePass.write(
                publisher, directory.resolve(ProxyGenerator.GUIDE), channelPass.selection(), loaded.rules(), report);
    }

    private void publish(List<AtomicPublisher.Draft> drafts, GenerationReportBuilder report) {
        long started = System.nanoTime();
        outputs.publish(proxy.id(), drafts);
        report.stage("publish", drafts.size(), drafts.size(), started);
    }

    private void awaitIngestions(GenerationReportBuilder report) {
        List<String> ids = new ArrayList<>();
        proxy.sources().forEach(id -> ids.add(id.toString()));
        proxy.epgSources().forEach(id -> ids.add(id.toString()));
        IngestionGuard.Outcome outcome = guard.await(ids);
        if (outcome.timedOut()) {
            report.warn("ingestion still running after " + outcome.waited().toSeconds() + " s for "
                    + outcome.stillRunning() + "; used the last complete data");
        }
        report.stage(new StageReport(
                "ingestion_guard",
                ids.size(),
                ids.size() - outcome.stillRunning().size(),
                outcome.waited().toMillis()));
    }

    /** The guide channels of the proxy's guides, in its order so that earlier guides win ties. */
    private GuideMatcher matcher(List<EpgSource> guides, List<ManualChannel> manual) {
        List<GuidePin> pins = new ArrayList<>();
        inputs.guideMatching().forEachPin(proxy.id(), pins::add);
        // a manual channel's guide channel is a pin of its own; one set through the pins API wins
        Set<ChannelId> pinned = new HashSet<>();
        pins.forEach(pin -> pinned.add(pin.channel()));
        for (ManualChannel channel : manual) {
            if (channel.guideChannelId() != null && !pinned.contains(channel.id())) {
                pins.add(new GuidePin(proxy.id(), channel.id(), channel.guideChannelId(), channel.updatedAt()));
            }
        }
        GuideMatcher matcher = new GuideMatcher(inputs.guideMatching().settings(proxy.id()), pins);
        for (EpgSource guide : guides) {
            inputs.guides().forEachChannelBySource(guide.id(), matcher::add);
        }
        return matcher;
    }

    /** Numbering, then logo rewriting when the proxy caches logos. */
    private List<Stage<ProxyChannel>> numberingOnwards(
            ChannelPrepass prepass, Set<Integer> pinned, OutputAccess access, GenerationReportBuilder report) {
        List<Stage<ProxyChannel>> stages = new ArrayList<>();
        stages.add(new NumberingStage(new ChannelNumberer(proxy.numbering(), prepass.highestPreserved(), pinned)));
        if (proxy.output().cacheLogos()) {
            stages.add(new LogoStage(cacheLogos(prepass.logoUrls(), report), baseUrl, access.token()));
        }
        return stages;
    }

    /** Original logo URL to cached file name, for the logos that could be cached. */
    private Map<String, String> cacheLogos(Set<String> urls, GenerationReportBuilder report) {
        if (logoCache == null) {
            report.warn("logo caching is not available in this setup; original logo URLs kept");
            return Map.of();
        }
        long started = System.nanoTime();
        LogoCacheResult result = logoCache.cache(urls);
        report.logoFailures(result.failed());
        report.stage("logo_download", urls.size(), result.cached().size(), started);
        return result.cached();
    }

    private ProgrammeFeed.Window window() {
        OutputSettings output = proxy.output();
        Instant now = clock.instant();
        return new ProgrammeFeed.Window(
                now.minus(Duration.ofDays(output.epgDaysBack())), now.plus(Duration.ofDays(output.epgDaysAhead())));
    }
}
