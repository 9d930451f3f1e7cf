package io.tvarr.pipeline;

import io.tvarr.domain.Checks;
import java.nio.file.Path;

/**
 * Where and how a generation publishes.
 *
 * @param outputDirectory published files go to {@code outputDirectory/{proxyId}/playlist.m3u} and {@code epg.xml}
 * @param baseUrl the URL players reach tvarr at, used in stream and guide URLs
 */
public record PipelineSettings(Path outputDirectory, String baseUrl) {
    public PipelineSettings {
        Checks.requireNonNull(outputDirectory, "output_directory");
        baseUrl = Checks.requireText(baseUrl, "base_url").replaceAll("/+$", "");
    }
}
