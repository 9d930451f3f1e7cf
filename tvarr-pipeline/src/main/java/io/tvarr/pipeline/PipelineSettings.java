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
 */
public record PipelineSettings(Path outputDirectory, Supplier<String> baseUrl) {
    public PipelineSettings {
        Checks.requireNonNull(outputDirectory, "output_directory");
        Checks.requireNonNull(baseUrl, "base_url");
    }

    public PipelineSettings(Path outputDirectory, String baseUrl) {
        this(outputDirectory, () -> baseUrl);
    }

    /** The base URL without a trailing slash. */
    String currentBaseUrl() {
        return Checks.requireText(baseUrl.get(), "base_url").replaceAll("/+$", "");
    }
}
