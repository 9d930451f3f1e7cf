package io.tvarr.pipeline;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.logo.LogoCacheResult;
import io.tvarr.domain.logo.port.in.CacheLogosUseCase;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationReport.StageReport;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.pipeline.output.AtomicPublisher;
import io.tvarr.pipeline.output.M3uPlaylistWriter;
import io.tvarr.pipeline.output.PlaylistEntries;
import io.tvarr.pipeline.output.XmltvGuideWriter;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageMeter;
import io.tvarr.pipeline.stage.dedupe.DeduplicationStage;
import io.tvarr.pipeline.stage.epg.GuideMatcher;
import io.tvarr.pipeline.stage.epg.GuideMatchingStage;
import io.tvarr.pipeline.stage.epg.GuideSelection;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import io.tvarr.pipeline.stage.logo.LogoStage;
import io.tvarr.pipeline.stage.numbering.ChannelNumberer;
import io.tvarr.pipeline.stage.numbering.NumberingStage;
import io.tvarr.pipeline.stage.rules.ChannelFilterStage;
import io.tvarr.pipeline.stage.rules.ChannelMappingStage;
import io.tvarr.pipeline.stage.rules.GuideProgramme;
import io.tvarr.pipeline.stage.rules.ProxyRules;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One generation of one proxy, the orchestrator of the stages: ingestion guard, mapping, filtering,
 * deduplication, numbering, EPG matching and playlist writing in one streaming pass over the channels; then EPG
 * mapping, EPG filtering and guide writing in one streaming pass over the programmes; then both files are
 * published together. Preserve numbering needs the highest kept number first, so it reads the channels twice.
 */
final class Generation {
    private static final Pattern HTTP = Pattern.compile("(?i)https?://");
    private static final int LISTED_FAILURES = 200;

    private final StreamProxy proxy;
    private final PipelineInputs inputs;
    private final Path directory;
    private final String baseUrl;
    private final IngestionGuard guard;
    private final int guideReaders;
    private final Clock clock;
    private final AtomicPublisher publisher = new AtomicPublisher();
    private final List<StageReport> stages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final EvaluationContext context = new EvaluationContext();
    private final @Nullable CacheLogosUseCase logoCache;
    private final List<String> failedLogos = new ArrayList<>();
    private long logoFailures;

    Generation(
            StreamProxy proxy,
            PipelineInputs inputs,
            Path directory,
            String baseUrl,
            IngestionGuard guard,
            int guideReaders,
            @Nullable CacheLogosUseCase logoCache,
            Clock clock) {
        this.proxy = proxy;
        this.logoCache = logoCache;
        this.inputs = inputs;
        this.directory = directory;
        this.baseUrl = baseUrl;
        this.guard = guard;
        this.guideReaders = guideReaders;
        this.clock = clock;
    }

    GenerationReport run() {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        awaitIngestions();
        List<StreamSource> sources = sources();
        List<EpgSource> guides = guides();
        ProxyRules rules = ProxyRules.compile(filters(), rules());

        GuideMatcher matcher = new GuideMatcher();
        for (EpgSource guide : guides) {
            inputs.guides().forEachChannelBySource(guide.id(), matcher::add);
        }
        boolean logos = proxy.output().cacheLogos();
        Prepass prepass = prepass(sources, rules, proxy.numbering().mode() == NumberingMode.PRESERVE, logos);
        int highestPreserved = prepass.highestPreserved();
        List<Stage<ProxyChannel>> numberingOnwards = new ArrayList<>();
        numberingOnwards.add(new NumberingStage(new ChannelNumberer(proxy.numbering(), highestPreserved)));
        if (logos) {
            numberingOnwards.add(new LogoStage(cacheLogos(prepass.logos()), baseUrl));
        }

        GuideSelection selection = new GuideSelection();
        GuideMatchingStage matching = new GuideMatchingStage(matcher, selection);
        StageMeter<ProxyChannel> channelStages =
                new StageMeter<>(channelStages(rules, context, concat(numberingOnwards, matching)));
        PlaylistEntries entries = new PlaylistEntries(proxy, baseUrl);
        long[] channels = {0, 0};
        long playlistStarted = System.nanoTime();
        try (AtomicPublisher.Draft playlist = publisher.write(directory.resolve(ProxyGenerator.PLAYLIST), out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            M3uPlaylistWriter writer = new M3uPlaylistWriter(text, entries.guideUrl());
            ReadAhead.<ProxyChannel>run("channel-reader", read -> forEachChannel(sources, read), item -> {
                channels[0]++;
                ProxyChannel output = channelStages.apply(item);
                if (output != null) {
                    writer.write(entries.entry(output));
                    channels[1]++;
                }
            });
            flush(text);
        })) {
            stages.addAll(channelStages.reports());
            stages.add(new StageReport("playlist_generation", channels[0], channels[1], millisSince(playlistStarted)));

            long programmesWritten;
            Map<EpgSourceId, List<ChannelIdRange>> ranges = new HashMap<>();
            for (EpgSource guide : guides) {
                ranges.put(guide.id(), guideReaders == 1 ? List.of(ChannelIdRange.ALL) : selection.halves(guide.id()));
            }
            List<GuidePart> parts = new ArrayList<>();
            for (int half = 0; half < guideReaders; half++) {
                int part = half;
                parts.add(new GuidePart(rules, read -> forEachProgramme(guides, selection, ranges, part, read)));
            }
            long guideStarted = System.nanoTime();
            try (AtomicPublisher.Draft guide = publisher.write(directory.resolve(ProxyGenerator.GUIDE), out -> {
                XmltvGuideWriter writer = new XmltvGuideWriter(out);
                selection.forEach(c -> writer.channel(c.id(), c.displayNames(), c.icon()));
                writer.flush();
                // each chunk is a few hundred rendered programmes; a few in flight per part are plenty
                ReadAhead.<byte[]>run("programme-reader", List.copyOf(parts), 1, chunk -> write(out, chunk));
                writer.finish();
            })) {
                long read = parts.stream().mapToLong(GuidePart::read).sum();
                programmesWritten = parts.stream().mapToLong(GuidePart::written).sum();
                stages.addAll(GuidePart.combined(parts));
                stages.add(new StageReport("guide_generation", read, programmesWritten, millisSince(guideStarted)));
                long publishStarted = System.nanoTime();
                playlist.publish();
                guide.publish();
                stages.add(new StageReport("publish", 2, 2, millisSince(publishStarted)));
            }
            long errors = context.errors();
            String firstError = context.firstError();
            for (GuidePart part : parts) {
                errors += part.context().errors();
                if (firstError == null) {
                    firstError = part.context().firstError();
                }
            }
            if (errors > 0) {
                warnings.add(errors + " expression evaluations failed; first: " + firstError);
            }
            return new GenerationReport(
                    proxy.id(),
                    startedAt,
                    millisSince(started),
                    channels[1],
                    programmesWritten,
                    stages,
                    matching.unmatched(),
                    matching.unmatchedCount(),
                    errors,
                    warnings,
                    logoFailures,
                    failedLogos);
        }
    }

    private void awaitIngestions() {
        List<String> ids = new ArrayList<>();
        proxy.sources().forEach(id -> ids.add(id.toString()));
        proxy.epgSources().forEach(id -> ids.add(id.toString()));
        IngestionGuard.Outcome outcome = guard.await(ids);
        if (outcome.timedOut()) {
            warnings.add("ingestion still running after " + outcome.waited().toSeconds() + " s for "
                    + outcome.stillRunning() + "; used the last complete data");
        }
        stages.add(new StageReport(
                "ingestion_guard",
                ids.size(),
                ids.size() - outcome.stillRunning().size(),
                outcome.waited().toMillis()));
    }

    /** Channel stages up to numbering: shared by the preserve pre-pass and the real pass. */
    private List<Stage<ProxyChannel>> channelStages(
            ProxyRules rules, EvaluationContext evaluation, List<Stage<ProxyChannel>> rest) {
        List<Stage<ProxyChannel>> list = new ArrayList<>();
        list.add(new ChannelMappingStage(rules.channelMapping(), evaluation));
        list.add(new ChannelFilterStage(rules.channelFilters(), evaluation));
        if (proxy.output().deduplicateStreams()) {
            list.add(new DeduplicationStage());
        }
        list.addAll(rest);
        return list;
    }

    /** What the pre-pass learns: the highest preserved number and the logo URLs the output will show. */
    private record Prepass(int highestPreserved, Set<String> logos) {}

    /**
     * Runs mapping and filtering once without writing, when preserve numbering needs the highest kept number or
     * logo caching needs the output's logo URLs before the real pass.
     */
    private Prepass prepass(List<StreamSource> sources, ProxyRules rules, boolean numbers, boolean logos) {
        if (!numbers && !logos) {
            return new Prepass(0, Set.of());
        }
        long started = System.nanoTime();
        // a throwaway context: the pre-pass must not count evaluation errors twice
        StageMeter<ProxyChannel> meter = new StageMeter<>(channelStages(rules, new EvaluationContext(), List.of()));
        int[] highest = {0};
        long[] count = {0};
        Set<String> urls = new LinkedHashSet<>();
        forEachChannel(sources, item -> {
            count[0]++;
            ProxyChannel output = meter.apply(item);
            if (output == null) {
                return;
            }
            Integer number = ChannelNumberer.preservable(output.channel().tvgChno());
            if (number != null && number > highest[0]) {
                highest[0] = number;
            }
            String logo = output.logo();
            if (logos && logo != null && HTTP.matcher(logo).lookingAt()) {
                urls.add(logo);
            }
        });
        stages.add(new StageReport("prepass", count[0], count[0], millisSince(started)));
        return new Prepass(highest[0], urls);
    }

    private Map<String, String> cacheLogos(Set<String> urls) {
        if (logoCache == null) {
            warnings.add("logo caching is not available in this setup; original logo URLs kept");
            return Map.of();
        }
        long started = System.nanoTime();
        LogoCacheResult result = logoCache.cache(urls);
        result.failed().forEach((url, reason) -> {
            if (failedLogos.size() < LISTED_FAILURES) {
                failedLogos.add(url + ": " + reason);
            }
        });
        logoFailures = result.failed().size();
        stages.add(new StageReport("logo_download", urls.size(), result.cached().size(), millisSince(started)));
        return result.cached();
    }

    private void forEachChannel(List<StreamSource> sources, Consumer<ProxyChannel> consumer) {
        for (int index = 0; index < sources.size(); index++) {
            StreamSource source = sources.get(index);
            int sourceIndex = index;
            inputs.channels()
                    .forEachBySource(source.id(), c -> consumer.accept(ProxyChannel.of(c, source, sourceIndex)));
        }
    }

    /**
     * Programmes of the used guide channels in range {@code part} of each guide: with two guide readers, part 0
     * reads the lower half of each guide's used channel ids and part 1 the upper half, on their own connections. A guide ingestion that commits
     * between the two reads leaves the halves on different versions of the guide, but every channel's programmes
     * still come from one version, as the channels and the programmes already could.
     */
    private void forEachProgramme(
            List<EpgSource> guides,
            GuideSelection selection,
            Map<EpgSourceId, List<ChannelIdRange>> ranges,
            int part,
            Consumer<GuideProgramme> consumer) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(proxy.output().epgDaysBack()));
        Instant to = now.plus(Duration.ofDays(proxy.output().epgDaysAhead()));
        for (EpgSource guide : guides) {
            EpgSourceId id = guide.id();
            if (!selection.uses(id)) {
                continue;
            }
            List<ChannelIdRange> parts = ranges.get(id);
            if (part >= parts.size()) {
                continue;
            }
            // the source's own channels, looked up by id alone for every row
            Map<String, GuideSelection.WrittenChannel> used = selection.channelsOf(id);
            inputs.guides().forEachProgrammeBySource(id, from, to, parts.get(part), used::containsKey, p -> {
                GuideSelection.WrittenChannel channel = used.get(p.channelId());
                if (channel != null) {
                    consumer.accept(new GuideProgramme(p, channel.id(), channel.group()));
                }
            });
        }
    }

    private List<StreamSource> sources() {
        List<StreamSource> sources = new ArrayList<>();
        for (SourceId id : proxy.sources()) {
            Optional<StreamSource> source = inputs.sources().findById(id);
            if (source.isEmpty()) {
                warnings.add("source " + id + " no longer exists; skipped");
            } else if (!source.get().enabled()) {
                warnings.add("source '" + source.get().name() + "' is disabled; skipped");
            } else {
                sources.add(source.get());
            }
        }
        return sources;
    }

    private List<EpgSource> guides() {
        List<EpgSource> guides = new ArrayList<>();
        for (EpgSourceId id : proxy.epgSources()) {
            Optional<EpgSource> guide = inputs.epgSources().findById(id);
            if (guide.isEmpty()) {
                warnings.add("EPG source " + id + " no longer exists; skipped");
            } else if (!guide.get().enabled()) {
                warnings.add("EPG source '" + guide.get().name() + "' is disabled; skipped");
            } else {
                guides.add(guide.get());
            }
        }
        return guides;
    }

    private List<Filter> filters() {
        List<Filter> filters = new ArrayList<>();
        for (ProxyFilter attached : proxy.filters()) {
            if (attached.active()) {
                filters.add(inputs.filters()
                        .findById(attached.filterId())
                        .orElseThrow(() -> new NotFoundException("filter " + attached.filterId() + ": not found")));
            }
        }
        return filters;
    }

    private List<DataMappingRule> rules() {
        List<DataMappingRule> rules = new ArrayList<>();
        for (MappingRuleId id : proxy.mappingRules()) {
            rules.add(inputs.rules()
                    .findById(id)
                    .orElseThrow(() -> new NotFoundException("mapping rule " + id + ": not found")));
        }
        return rules;
    }

    private static List<Stage<ProxyChannel>> concat(List<Stage<ProxyChannel>> first, Stage<ProxyChannel> last) {
        List<Stage<ProxyChannel>> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    private static void write(OutputStream out, byte[] chunk) {
        try {
            out.write(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException("guide could not be written: " + e.getMessage(), e);
        }
    }

    private static void flush(Writer writer) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("playlist could not be written: " + e.getMessage(), e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
