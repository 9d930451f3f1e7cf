package io.tvarr.app;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.service.ExclusiveIngestions;
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
import io.tvarr.expression.ExpressionException;
import io.tvarr.expression.Expressions;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import io.tvarr.pipeline.PipelineInputs;
import io.tvarr.pipeline.PipelineSettings;
import io.tvarr.pipeline.ProxyGenerator;
import io.tvarr.pipeline.output.AtomicPublisher;
import io.tvarr.pipeline.stage.guard.IngestionGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * {@code tvarr generate}: ingests playlists and guides into a throwaway SQLite store, runs one proxy generation
 * over them and writes {@code playlist.m3u} and {@code epg.xml} into the output directory. Every expression is
 * checked before anything is read, so a typo fails fast with its column. The whole guide is kept (no retention
 * window), since a one-shot run has no schedule to keep it fresh.
 */
final class OneShotGeneration {
    /** What to generate. */
    record Request(
            List<String> playlists,
            List<String> guides,
            List<String> includes,
            List<String> excludes,
            List<String> rules,
            NumberingMode numbering,
            int start,
            Path out) {}

    private final PrintWriter report;
    private final Clock clock;

    OneShotGeneration(PrintWriter report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    GenerationReport run(Request request) {
        if (request.playlists().isEmpty()) {
            throw new ValidationException("--playlist: at least one playlist is needed");
        }
        check(request.includes(), "--include", ExpressionDomain.STREAM_FILTER);
        check(request.excludes(), "--exclude", ExpressionDomain.STREAM_FILTER);
        check(request.rules(), "--rule", ExpressionDomain.STREAM_MAPPING);
        Path work = temporaryDirectory();
        try (JdbiPersistence store =
                JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + work.resolve("tvarr.db")))) {
            store.migrate();
            Instant now = clock.instant();
            List<Path> allowed = new ArrayList<>();
            List<URI> playlists = locate(request.playlists(), "--playlist", allowed);
            List<URI> guides = locate(request.guides(), "--guide", allowed);
            Executor sameThread = Runnable::run;
            ExclusiveIngestions ingestions = new ExclusiveIngestions(store.ingestionStatus(), sameThread, clock);
            IngestionServices ingestion =
                    IngestionServices.wire(FetchSettings.defaults(allowed), store, ingestions, clock);

            List<SourceId> sources = new ArrayList<>();
            for (URI url : playlists) {
                StreamSource source = new StreamSource(
                        SourceId.random(),
                        name(url),
                        SourceKind.M3U,
                        url,
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
                print("playlist " + source.name(), ingestion.channels().ingest(source.id()), "channels");
                sources.add(source.id());
            }
            List<EpgSourceId> epgSources = new ArrayList<>();
            for (URI url : guides) {
                EpgSource guide = new EpgSource(
                        EpgSourceId.random(),
                        name(url),
                        EpgSourceKind.XMLTV,
                        url,
                        null,
                        null,
                        true,
                        null,
                        0,
                        ZoneOffset.UTC,
                        new RetentionWindow(365, 365),
                        now,
                        now);
                store.epgSources().insert(guide);
                print("guide " + guide.name(), ingestion.guides().ingest(guide.id()), "records");
                epgSources.add(guide.id());
            }
            List<ProxyFilter> filters = new ArrayList<>();
            filters(store, request.includes(), FilterAction.INCLUDE, filters);
            filters(store, request.excludes(), FilterAction.EXCLUDE, filters);
            List<MappingRuleId> rules = new ArrayList<>();
            for (int i = 0; i < request.rules().size(); i++) {
                DataMappingRule rule = new DataMappingRule(
                        MappingRuleId.random(),
                        "rule " + (i + 1),
                        ExpressionDomain.STREAM_MAPPING,
                        request.rules().get(i),
                        true,
                        i,
                        false);
                store.mappingRules().insert(rule);
                rules.add(rule.id());
            }
            StreamProxy proxy = new StreamProxy(
                    ProxyId.random(),
                    "generate",
                    "generate",
                    sources,
                    epgSources,
                    filters,
                    rules,
                    new Numbering(request.numbering(), request.start(), 100),
                    DeliveryMode.REDIRECT,
                    null,
                    new OutputSettings(true, null, false, false, false, 365, 365),
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
                    new PipelineSettings(work.resolve("proxies"), "http://localhost"),
                    new IngestionGuard(ingestions::isRunning, Duration.ZERO, Duration.ofMillis(1)),
                    clock);
            GenerationReport generated = generator.generate(proxy.id());
            copy(generator.playlist(proxy.id()).orElseThrow(), request.out().resolve("playlist.m3u"));
            copy(generator.guide(proxy.id()).orElseThrow(), request.out().resolve("epg.xml"));
            for (GenerationReport.StageReport stage : generated.stages()) {
                report.printf(
                        "%-20s %,10d in %,10d out %,8d ms%n",
                        stage.stage(), stage.in(), stage.out(), stage.durationMs());
            }
            report.printf(
                    "wrote %s (%,d channels) and %s (%,d programmes); %,d channels without guide%n",
                    request.out().resolve("playlist.m3u"),
                    generated.channels(),
                    request.out().resolve("epg.xml"),
                    generated.programmes(),
                    generated.unmatchedCount());
            generated.warnings().forEach(w -> report.println("warning: " + w));
            report.flush();
            return generated;
        } finally {
            delete(work);
        }
    }

    private void print(String what, IngestionStatus status, String unit) {
        report.printf(
                "%-20s %,10d %s %,6d skipped %,8d ms%n",
                what, status.lastCount(), unit, status.lastSkipped(), status.lastDurationMs());
    }

    private static void check(List<String> expressions, String option, ExpressionDomain domain) {
        for (String expression : expressions) {
            try {
                Expressions.validate(domain, expression).ifPresent(e -> {
                    throw e;
                });
            } catch (ExpressionException e) {
                throw new ValidationException(option + " '" + expression + "': " + e.getMessage(), e);
            }
        }
    }

    private static void filters(
            JdbiPersistence store, List<String> expressions, FilterAction action, List<ProxyFilter> into) {
        for (String expression : expressions) {
            Filter filter = new Filter(
                    FilterId.random(),
                    action.name().toLowerCase(java.util.Locale.ROOT) + " " + (into.size() + 1),
                    ExpressionDomain.STREAM_FILTER,
                    action,
                    expression);
            store.filters().insert(filter);
            into.add(new ProxyFilter(filter.id(), true));
        }
    }

    /** URLs stay URLs; anything else is a file that must exist, and its directory becomes readable. */
    private static List<URI> locate(List<String> inputs, String option, List<Path> allowed) {
        List<URI> urls = new ArrayList<>();
        for (String input : inputs) {
            if (input.matches("(?i)https?://.+")) {
                urls.add(URI.create(input));
                continue;
            }
            Path file = Path.of(input).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ValidationException(option + " " + input + ": not a readable file");
            }
            allowed.add(file.getParent());
            urls.add(file.toUri());
        }
        return urls;
    }

    private static String name(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? url.getHost() : name;
    }

    private static void copy(Path from, Path to) {
        new AtomicPublisher().publish(to, out -> {
            try {
                Files.copy(from, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tvarr-generate");
        } catch (IOException e) {
            throw new StorageException("temporary directory: cannot be created (" + e.getMessage() + ")", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless; the OS cleans it up
        }
    }
}
