package io.tvarr.bench.pipeline;

import io.tvarr.bench.PeakHeap;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import io.tvarr.pipeline.PipelineInputs;
import io.tvarr.pipeline.PipelineSettings;
import io.tvarr.pipeline.ProxyGenerator;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * End-to-end proxy generation bench from stored data: 100k channels over two sources and a guide of 10k
 * channels with 100 programmes each (1M), through 3 mapping rules, 2 filters, sequential numbering, guide matching
 * and both writers, into published files. Prints every stage and the peak heap.
 * Run: {@code java -Xmx192m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.pipeline.PipelineBench [channels] [guide-channels] [per-channel]}
 */
public final class PipelineBench {
    private static final String DESCRIPTION =
            "A gripping story of friendship, rivalry and the search for meaning in a small coastal town, where every "
                    + "character hides a secret and the tide brings more than driftwood to the shore each night.";

    public static void main(String[] args) throws IOException {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int guideChannels = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int perChannel = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path work = Files.createTempDirectory("tvarr-bench-pipeline");
        System.out.printf(
                "PipelineBench: %d channels, %d guide channels x %d programmes = %d, max heap %d MiB, java %s%n",
                channels,
                guideChannels,
                perChannel,
                (long) guideChannels * perChannel,
                PeakHeap.maxMegabytes(),
                Runtime.version());
        // resources close in reverse: the store first, then its files go
        try (Closeable cleanup = () -> delete(work);
                JdbiPersistence store =
                        JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + work.resolve("tvarr.db")))) {
            store.migrate();
            Instant now = Instant.now();
            long filling = System.nanoTime();
            List<SourceId> sources = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                StreamSource source = new StreamSource(
                        SourceId.random(),
                        "provider " + s,
                        SourceKind.M3U,
                        URI.create("http://provider" + s + ".example/playlist.m3u"),
                        null,
                        null,
                        true,
                        null,
                        0,
                        XtreamOutput.TS,
                        false,
                        now,
                        now);
                store.streamSources().insert(source);
                int first = s * channels / 2;
                int last = (s + 1) * channels / 2;
                store.channels().replaceAllForSource(source.id(), sink -> {
                    for (int c = first; c < last; c++) {
                        sink.accept(channel(source.id(), c, guideChannels));
                    }
                });
                sources.add(source.id());
            }
            EpgSource guide = new EpgSource(
                    EpgSourceId.random(),
                    "guide",
                    EpgSourceKind.XMLTV,
                    URI.create("http://guide.example/guide.xml"),
                    null,
                    null,
                    true,
                    null,
                    0,
                    ZoneOffset.UTC,
                    RetentionWindow.DEFAULT,
                    now,
                    now);
            store.epgSources().insert(guide);
            Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
            store.epg().replaceAllForSource(guide.id(), sink -> {
                for (int c = 0; c < guideChannels; c++) {
                    sink.channel(new EpgChannel(
                            guide.id(),
                            "ch" + c + ".example",
                            List.of(new LocalizedText("Channel " + c, "en")),
                            "http://logos.example/" + c + ".png",
                            null));
                }
                for (int c = 0; c < guideChannels; c++) {
                    Instant at = start;
                    for (int p = 0; p < perChannel; p++) {
                        Instant stop = at.plus(Duration.ofMinutes(p % 2 == 0 ? 90 : 120));
                        sink.programme(programme(guide.id(), c, p, at, stop));
                        at = stop;
                    }
                }
            });
            System.out.printf("stored in %.1f s%n", (System.nanoTime() - filling) / 1e9);

            List<MappingRuleId> rules = new ArrayList<>();
            for (String expression : List.of(
                    "channel_name matches \"^([A-Z]{2}): (.*)$\" SET channel_name = \"$2\", tvg_country = \"$1\"",
                    "group_title starts_with \"VIP \" SET group_title = \"Premium\"",
                    "tvg_logo equals \"\" SET_IF_EMPTY tvg_logo = \"http://logos.example/default.png\"")) {
                DataMappingRule rule = new DataMappingRule(
                        MappingRuleId.random(),
                        "rule " + rules.size(),
                        ExpressionDomain.STREAM_MAPPING,
                        expression,
                        true,
                        rules.size(),
                        false);
                store.mappingRules().insert(rule);
                rules.add(rule.id());
            }
            List<ProxyFilter> filters = new ArrayList<>();
            for (Filter filter : List.of(
                    new Filter(
                            FilterId.random(),
                            "languages",
                            ExpressionDomain.STREAM_FILTER,
                            FilterAction.INCLUDE,
                            "tvg_country equals \"UK\" OR tvg_country equals \"US\" OR tvg_country equals \"DE\""
                                    + " OR tvg_country equals \"FR\""),
                    new Filter(
                            FilterId.random(),
                            "no adult",
                            ExpressionDomain.STREAM_FILTER,
                            FilterAction.EXCLUDE,
                            "group_title contains \"adult\" OR channel_name contains \"xxx\""))) {
                store.filters().insert(filter);
                filters.add(new ProxyFilter(filter.id(), true));
            }
            StreamProxy proxy = new StreamProxy(
                    ProxyId.random(),
                    "bench",
                    "bench",
                    sources,
                    List.of(guide.id()),
                    filters,
                    rules,
                    new Numbering(NumberingMode.SEQUENTIAL, 1, 100),
                    DeliveryMode.REDIRECT,
                    null,
                    new OutputSettings(true, null, true, false, false, 1, 7),
                    null,
                    now,
                    now);
            store.proxies().insert(proxy);
            ProxyGenerator generator = new ProxyGenerator(
                    new PipelineInputs(
                            store.proxies(),
                            store.streamSources(),
                            store.channels(),
                            store.epgSources(),
                            store.epg(),
                            store.filters(),
                            store.mappingRules()),
                    new PipelineSettings(work.resolve("proxies"), "http://tvarr.local:8080"),
                    new IngestionGuard(id -> false, Duration.ZERO, Duration.ofMillis(1)),
                    Clock.systemUTC());
            long reading = System.nanoTime();
            long[] read = {0};
            store.channels().forEachBySource(sources.get(0), c -> read[0]++);
            store.channels().forEachBySource(sources.get(1), c -> read[0]++);
            double channelSeconds = (System.nanoTime() - reading) / 1e9;
            reading = System.nanoTime();
            store.epg()
                    .forEachProgrammeBySource(
                            guide.id(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)), p -> read[0]++);
            System.out.printf(
                    "baseline: reading channels %.2f s, reading programmes %.2f s (%d records)%n",
                    channelSeconds, (System.nanoTime() - reading) / 1e9, read[0]);
            for (int round = 1; round <= 3; round++) {
                PeakHeap.reset();
                GenerationReport report = generator.generate(proxy.id());
                System.out.printf(
                        "round %d: %d channels, %d programmes in %.2f s, peak heap %d MiB, "
                                + "playlist %d MiB, guide %d MiB%n",
                        round,
                        report.channels(),
                        report.programmes(),
                        report.durationMs() / 1e3,
                        PeakHeap.megabytes(),
                        Files.size(generator.playlist(proxy.id()).orElseThrow()) >> 20,
                        Files.size(generator.guide(proxy.id()).orElseThrow()) >> 20);
                for (GenerationReport.StageReport stage : report.stages()) {
                    System.out.printf(
                            "  %-20s %,10d in %,10d out %,8d ms%n",
                            stage.stage(), stage.in(), stage.out(), stage.durationMs());
                }
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static final String[] COUNTRIES = {"UK", "US", "DE", "FR", "ES"};

    private static Channel channel(SourceId source, int c, int guideChannels) {
        String country = COUNTRIES[c % COUNTRIES.length];
        String group = (c % 50 == 0 ? "Adult " : c % 7 == 0 ? "VIP " : "") + country + " Entertainment " + (c % 20);
        return Channel.of(
                source,
                "k" + c,
                "ch" + (c % guideChannels) + ".example",
                "Channel " + c,
                c % 3 == 0 ? null : Integer.toString(c + 1),
                country + ": Channel " + c + " HD",
                group,
                c % 4 == 0 ? "" : "http://logos.example/" + c + ".png",
                "http://provider.example/live/user/pass/" + c + ".ts",
                Map.of("tvg-language", "English"));
    }

    private static EpgProgramme programme(EpgSourceId source, int c, int p, Instant start, Instant stop) {
        return new EpgProgramme(
                source,
                "ch" + c + ".example",
                start,
                stop,
                "Show " + p,
                "en",
                "Episode " + p,
                DESCRIPTION,
                List.of("Drama", "Series"),
                "http://img.example/" + c + "/" + p + ".jpg",
                (p / 10) + "." + (p % 10) + ".0/1",
                "S" + (p / 10 + 1) + "E" + (p % 10 + 1),
                null,
                p % 5 == 0 ? Set.of(ProgrammeFlag.NEW) : Set.of(),
                null);
    }
}
