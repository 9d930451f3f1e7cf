package io.tvarr.ingest.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How sources are fetched.
 *
 * @param allowedDirectories directories {@code file:} URLs may point into; empty forbids file URLs
 * @param retries attempts after the first for 5xx answers and timeouts
 * @param retryDelay first backoff delay; doubles each retry
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxRedirects,
        String userAgent,
        List<Path> allowedDirectories,
        int retries,
        Duration retryDelay) {
    public FetchSettings {
        allowedDirectories = List.copyOf(allowedDirectories);
    }

    public static FetchSettings defaults(List<Path> allowedDirectories) {
        return new FetchSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                "tvarr/0.1 (+https://tvarr.io)",
                allowedDirectories,
                3,
                Duration.ofSeconds(1));
    }
}
