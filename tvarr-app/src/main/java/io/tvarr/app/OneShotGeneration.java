package io.tvarr.app;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.expression.ExpressionException;
import io.tvarr.expression.Expressions;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.pipeline.output.AtomicPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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
        @Nullable Path outputs = null;
        @Nullable Path created = null;
        boolean written = false;
        try {
            // the database is deleted with the work directory at the end, so it need not survive a power cut
            TvarrBuilder core = Tvarr.builder()
                    .dataDir(work)
                    .database(DatabaseSettings.of("jdbc:sqlite:" + work.resolve("tvarr.db"))
                            .throwaway())
                    .clock(clock)
                    .generationWait(Duration.ZERO)
                    .playlistAndGuideOnly();
            List<URI> playlists = locate(request.playlists(), "--playlist", core);
            List<URI> guides = locate(request.guides(), "--guide", core);
            created = highestMissing(request.out());
            // published beside --out, on its file system, so the two files are renamed into place instead of copied
            outputs = outputDirectory(request.out());
            core.outputDirectory(outputs);
            try (Tvarr tvarr = core.build()) {
                SaveProxyCommand proxy = SaveProxyCommand.named("generate")
                        .withSources(ingestPlaylists(tvarr, playlists))
                        .withGuides(ingestGuides(tvarr, guides))
                        .withFilters(filters(tvarr, request))
                        .withMappingRules(rules(tvarr, request.rules()))
                        .withNumbering(new Numbering(request.numbering(), request.start(), 100))
                        .withOutput(new OutputSettings(true, null, false, false, false, 365, 365));
                ProxyId id = tvarr.proxies().create(proxy).id();
                GenerationReport generated = tvarr.generation().generate(id);
                move(tvarr.publishedPlaylist(id), request.out().resolve("playlist.m3u"));
                move(tvarr.publishedGuide(id), request.out().resolve("epg.xml"));
                written = true;
                print(request, generated);
                return generated;
            }
        } finally {
            delete(work);
            if (outputs != null) {
                delete(outputs);
            }
            if (!written && created != null) {
                // a failed run leaves no --out behind that was not there before
                removeEmpty(request.out(), created);
            }
        }
    }

    private SourceId[] ingestPlaylists(Tvarr tvarr, List<URI> playlists) {
        List<SourceId> ids = new ArrayList<>();
        for (URI url : playlists) {
            StreamSource source = tvarr.sources().create(SaveStreamSourceCommand.m3u(name(url), url.toString()));
            print(
                    "playlist " + source.name(),
                    named(
                            "--playlist",
                            url,
                            "channels",
                            () -> tvarr.sourceIngestion().ingest(source.id(), IngestMode.ACCEPT_DROP)),
                    "channels");
            ids.add(source.id());
        }
        return ids.toArray(SourceId[]::new);
    }

    /** The whole guide is kept (no retention window): a one-shot run has no schedule to keep it fresh. */
    private EpgSourceId[] ingestGuides(Tvarr tvarr, List<URI> guides) {
        List<EpgSourceId> ids = new ArrayList<>();
        for (URI url : guides) {
            EpgSource guide = tvarr.guides()
                    .create(SaveEpgSourceCommand.xmltv(name(url), url.toString())
                            .withRetention(new RetentionWindow(365, 365)));
            print(
                    "guide " + guide.name(),
                    named(
                            "--guide",
                            url,
                            "programmes",
                            () -> tvarr.guideIngestion().ingest(guide.id(), IngestMode.ACCEPT_DROP)),
                    "records");
            ids.add(guide.id());
        }
        return ids.toArray(EpgSourceId[]::new);
    }

    /**
     * A failure names the input it came from: a line and column alone do not say which of several files. The
     * throwaway store has nothing a drop could lose, so the ingestion applies whatever it yields, and an input that
     * yields nothing is refused here, in the command line's words.
     */
    private static IngestionStatus named(String option, URI url, String unit, Supplier<IngestionStatus> ingestion) {
        String input = url.getScheme().equals("file") ? Path.of(url).toString() : Redaction.redactUrl(url.toString());
        IngestionStatus status;
        try {
            status = ingestion.get();
        } catch (TvarrException e) {
            throw new ValidationException(option + " " + input + ": " + e.getMessage(), e);
        }
        if (status.lastCount() == 0) {
            throw new ValidationException(option + " " + input + ": yielded no " + unit
                    + IngestionProgress.skippedNote(status.lastSkipped()));
        }
        return status;
    }

    private static FilterId[] filters(Tvarr tvarr, Request request) {
        List<FilterId> ids = new ArrayList<>();
        for (String expression : request.includes()) {
            ids.add(tvarr.filters()
                    .create(SaveFilterCommand.includeChannels("include " + (ids.size() + 1), expression))
                    .id());
        }
        for (String expression : request.excludes()) {
            ids.add(tvarr.filters()
                    .create(SaveFilterCommand.excludeChannels("exclude " + (ids.size() + 1), expression))
                    .id());
        }
        return ids.toArray(FilterId[]::new);
    }

    private static MappingRuleId[] rules(Tvarr tvarr, List<String> expressions) {
        List<MappingRuleId> ids = new ArrayList<>();
        for (String expression : expressions) {
            ids.add(tvarr.mappingRules()
                    .create(SaveMappingRuleCommand.channels("rule " + (ids.size() + 1), expression))
                    .id());
        }
        return ids.toArray(MappingRuleId[]::new);
    }

    private void print(Request request, GenerationReport generated) {
        for (GenerationReport.StageReport stage : generated.stages()) {
            report.printf(
                    "%-20s %,10d in %,10d out %,8d ms%n", stage.stage(), stage.in(), stage.out(), stage.durationMs());
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

    /** URLs stay URLs; anything else is a file that must exist, and its directory becomes readable. */
    private static List<URI> locate(List<String> inputs, String option, TvarrBuilder core) {
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
            core.allowSourceDirectory(file.getParent());
            urls.add(file.toUri());
        }
        return urls;
    }

    private static String name(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? url.getHost() : name;
    }

    /**
     * Renames a published file over the target, keeping the target's permissions as a publication would; where the
     * two directories cannot rename between them (another file system), copies it atomically instead.
     */
    private static void move(Optional<Path> published, Path target) {
        Path file = published.orElseThrow(() -> new StorageException(target.getFileName() + ": was not published"));
        try {
            if (Files.exists(target) && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(target));
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            copy(file, target);
        } catch (IOException e) {
            throw new StorageException(target + ": could not be written (" + e.getMessage() + ")", e);
        }
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

    /** The outermost of {@code out} and its parents that does not exist yet; null when {@code out} exists. */
    private static @Nullable Path highestMissing(Path out) {
        Path missing = null;
        for (Path path = out.toAbsolutePath(); path != null && !Files.exists(path); path = path.getParent()) {
            missing = path;
        }
        return missing;
    }

    /** Removes {@code out} and its parents up to {@code created}, each only while it is empty. */
    private static void removeEmpty(Path out, Path created) {
        for (Path path = out.toAbsolutePath(); path != null && path.startsWith(created); path = path.getParent()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A hidden directory inside {@code out} (made first if need be), for the generation to publish into. */
    private static Path outputDirectory(Path out) {
        try {
            Files.createDirectories(out);
            return Files.createTempDirectory(out, ".tvarr-generate-");
        } catch (IOException e) {
            throw new StorageException("--out " + out + ": cannot be written (" + e.getMessage() + ")", e);
        }
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
