package io.tvarr.app;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.NumberingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvarr generate}: one playlist + guide from files or URLs, without a server or a database to set up. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        // the command list shows only the first line, so it is a whole sentence
        description = {
            "Write DIR/playlist.m3u and DIR/epg.xml once, without a server or a database.",
            "Ingests the playlists and guides, applies filters and rules, numbers the channels.",
            "Prints one line per stage."
        })
final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = "--playlist",
            required = true,
            paramLabel = "FILE_OR_URL",
            description = "M3U playlist (repeatable)")
    List<String> playlists = new ArrayList<>();

    @Option(names = "--guide", paramLabel = "FILE_OR_URL", description = "XMLTV guide (repeatable)")
    List<String> guides = new ArrayList<>();

    @Option(names = "--include", paramLabel = "EXPR", description = "keep only channels matching (repeatable)")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "EXPR", description = "drop channels matching (repeatable)")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "EXPR", description = "channel mapping rule, applied in order (repeatable)")
    List<String> rules = new ArrayList<>();

    @Option(
            names = "--numbering",
            paramLabel = "MODE",
            description = "sequential, preserve (default), source_based or group")
    @Nullable
    String numbering;

    @Option(names = "--start", paramLabel = "N", description = "first channel number (default 1)")
    int start = 1;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    @Nullable
    Path out;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Override
    public Integer call() {
        LoggingSetup.apply(new TvarrConfig.LogSettings("text", "WARN"));
        NumberingMode mode = parseMode();
        var request = new OneShotGeneration.Request(
                playlists, guides, includes, excludes, rules, mode, start, java.util.Objects.requireNonNull(out));
        var report = spec == null
                ? new java.io.PrintWriter(System.out, true)
                : spec.commandLine().getOut();
        new OneShotGeneration(report, SystemClock.utc()).run(request);
        return 0;
    }

    private NumberingMode parseMode() {
        if (numbering == null) {
            return NumberingMode.PRESERVE;
        }
        try {
            return NumberingMode.valueOf(numbering.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "--numbering: '" + numbering + "' (expected: sequential, preserve, source_based or group)");
        }
    }
}
