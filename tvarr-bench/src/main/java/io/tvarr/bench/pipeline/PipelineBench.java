package io.tvarr.bench.pipeline;

import io.tvarr.app.SystemClock;
import io.tvarr.app.Tvarr;
import io.tvarr.bench.PeakHeap;
import io.tvarr.bench.WorkDirectory;
import io.tvarr.bench.XmltvGuideFile;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * End-to-end proxy generation bench through a {@link Tvarr} core: 100k channels over two M3U playlists and an
 * XMLTV guide of 10k channels with 100 programmes each (1M), written as files into a temp dir and ingested through
 * the core ({@code file:} URLs, the temp dir allowed); then three generations through 3 mapping rules, 2 filters,
 * sequential numbering, guide matching and both writers, into published files. Prints the setup time, a baseline,
 * every stage of each generation and the peak heap.
 *
 * <p>The baseline is a single-threaded plain JDBC scan of the SQLite file (see {@link StoredRows}), not the
 * repositories' read: it says what reading the rows costs at all, so the stage times can be set against it.
 *
 * <p>Run: {@code java -Xmx192m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.pipeline.PipelineBench [channels] [guide-channels] [per-channel]}
 */
public final class PipelineBench {
    private static final String DESCRIPTION =
            "A gripping story of friendship, rivalry and the search for meaning in a small coastal town, where every "
                    + "character hides a secret and the tide brings more than driftwood to the shore each night.";

    private PipelineBench() {}

    public static void main(String[] args) throws IOException, SQLException {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int guideChannels = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int perChannel = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        System.out.printf(
                "PipelineBench: %d channels, %d guide channels x %d programmes = %d, max heap %d MiB, java %s%n",
                channels,
                guideChannels,
                perChannel,
                (long) guideChannels * perChannel,
                PeakHeap.maxMegabytes(),
                Runtime.version());
        // resources close in reverse: the core first, then its files go
        try (WorkDirectory work = WorkDirectory.create("tvarr-bench-pipeline")) {
            long writing = System.nanoTime();
            Instant now = SystemClock.utc().instant();
            List<Path> playlists = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                Path playlist = work.resolve("provider" + s + ".m3u");
                new PlaylistFile(s * channels / 2, (s + 1) * channels / 2, guideChannels).write(playlist);
                playlists.add(playlist);
            }
            Path guideFile = work.resolve("guide.xml");
            new XmltvGuideFile(guideChannels, perChannel, Duration.ofMinutes(90), Duration.ofMinutes(120), DESCRIPTION)
                    .write(guideFile, now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12)));
            double written = (System.nanoTime() - writing) / 1e9;
            try (Tvarr tvarr = Tvarr.builder()
                    .dataDir(work.path())
                    .allowSourceDirectory(work.path())
                    .baseUrl("http://tvarr.local:8080")
                    .build()) {
                long ingesting = System.nanoTime();
                List<SourceId> sources = new ArrayList<>();
                long stored = 0;
                for (Path playlist : playlists) {
                    StreamSource source = tvarr.sources()
                            .create(SaveStreamSourceCommand.m3u(
                                    "provider " + sources.size(),
                                    playlist.toUri().toString()));
                    stored += tvarr.sourceIngestion().ingest(source.id()).lastCount();
                    sources.add(source.id());
                }
                EpgSource guide = tvarr.guides()
                        .create(SaveEpgSourceCommand.xmltv(
                                "guide", guideFile.toUri().toString()));
                stored += tvarr.guideIngestion().ingest(guide.id()).lastCount();
                System.out.printf(
                        "setup: files written in %.1f s, %d channels and programmes ingested in %.1f s%n",
                        written, stored, (System.nanoTime() - ingesting) / 1e9);

                StreamProxy proxy = tvarr.proxies()
                        .create(SaveProxyCommand.named("bench")
                                .withSources(sources.toArray(SourceId[]::new))
                                .withGuides(guide.id())
                                .withFilters(filters(tvarr))
                                .withMappingRules(rules(tvarr))
                                .withNumbering(new Numbering(NumberingMode.SEQUENTIAL, 1, 100)));
                new StoredRows(work.resolve("tvarr.db"))
                        .printBaseline(
                                sources, guide.id(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)));
                for (int round = 1; round <= 3; round++) {
                    generate(tvarr, proxy, round);
                }
            }
        }
    }

    private static MappingRuleId[] rules(Tvarr tvarr) {
        List<String> expressions = List.of(
                "channel_name matches \"^([A-Z]{2}): (.*)$\" SET channel_name = \"$2\", tvg_country = \"$1\"",
                "group_title starts_with \"VIP \" SET group_title = \"Premium\"",
                "tvg_logo equals \"\" SET_IF_EMPTY tvg_logo = \"http://logos.example/default.png\"");
        MappingRuleId[] rules = new MappingRuleId[expressions.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = tvarr.mappingRules()
                    .create(SaveMappingRuleCommand.channels("rule " + i, expressions.get(i)))
                    .id();
        }
        return rules;
    }

    private static FilterId[] filters(Tvarr tvarr) {
        return new FilterId[] {
            tvarr.filters()
                    .create(SaveFilterCommand.includeChannels(
                            "languages",
                            "tvg_country equals \"UK\" OR tvg_country equals \"US\" OR tvg_country equals \"DE\""
                                    + " OR tvg_country equals \"FR\""))
                    .id(),
            tvarr.filters()
                    .create(SaveFilterCommand.excludeChannels(
                            "no adult", "group_title contains \"adult\" OR channel_name contains \"xxx\""))
                    .id()
        };
    }

    private static void generate(Tvarr tvarr, StreamProxy proxy, int round) throws IOException {
        PeakHeap.reset();
        GenerationReport report = tvarr.generation().generate(proxy.id());
        System.out.printf(
                "round %d: %d channels, %d programmes in %.2f s, peak heap %d MiB, playlist %d MiB, guide %d MiB%n",
                round,
                report.channels(),
                report.programmes(),
                report.durationMs() / 1e3,
                PeakHeap.megabytes(),
                Files.size(tvarr.generation().playlist(proxy.id()).orElseThrow()) >> 20,
                Files.size(tvarr.generation().guide(proxy.id()).orElseThrow()) >> 20);
        for (GenerationReport.StageReport stage : report.stages()) {
            System.out.printf(
                    "  %-20s %,10d in %,10d out %,8d ms%n", stage.stage(), stage.in(), stage.out(), stage.durationMs());
        }
    }
}
