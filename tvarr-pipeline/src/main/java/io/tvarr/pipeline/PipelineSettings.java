package io.tvarr.pipeline;

import io.tvarr.domain.Checks;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where and how a generation publishes.
 *
 * @param outputDirectory published files go to {@code outputDirectory/{proxyId}/playlist.m3u} and {@code epg.xml}
 * @param baseUrl the URL players reach tvarr at, used in stream and guide URLs; asked at each generation because a
 *     server learns its port only once it listens
 * @param guideReaders 1 or 2: how many connections read a guide's programmes side by side; 2 pays off from two
 *     cores on, and needs two free database connections
 * @param servingFiles whether a generation also publishes what serving reads beside the playlist and guide (the
 *     tuner and Xtream lineups, guide match explanations, merged channels); off for {@code tvarr generate}, whose
 *     user takes the playlist and guide and serves nothing
 */
public record PipelineSettings(Path outputDirectory, Supplier<String> baseUrl, int guideReaders, boolean servingFiles) {
    public PipelineSettings {
        Checks.requireNonNull(outputDirectory, "output_directory");
        Checks.requireNonNull(baseUrl, "base_url");
        Checks.requireRange(guideReaders, 1, 2, "guide_readers");
    }

    /** Settings that publish the serving files too. */
    public PipelineSettings(Path outputDirectory, Supplier<String> baseUrl, int guideReaders) {
        this(outputDirectory, baseUrl, guideReaders, true);
    }

    /** The same settings publishing the playlist and guide only. */
    public PipelineSettings playlistAndGuideOnly() {
        return new PipelineSettings(outputDirectory, baseUrl, guideReaders, false);
    }

    /** Settings with two guide readers where the machine has two cores or more. */
    public PipelineSettings(Path outputDirectory, Supplier<String> baseUrl) {
        this(outputDirectory, baseUrl, defaultGuideReaders());
    }

    public PipelineSettings(Path outputDirectory, String baseUrl) {
        this(outputDirectory, () -> baseUrl);
    }

    public static int defaultGuideReaders() {
        return Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
    }

    /** The base URL without a trailing slash. */
    String currentBaseUrl() {
        return Checks.requireText(baseUrl.get(), "base_url").replaceAll("/+$", "");
    }
}
