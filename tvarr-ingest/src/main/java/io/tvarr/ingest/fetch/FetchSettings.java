package io.tvarr.ingest.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How sources are fetched.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for the response headers, and then for each next bytes of the body
 * @param allowedDirectories directories {@code file:} URLs may point into; empty forbids file URLs
 * @param retries attempts after the first for 5xx answers and timeouts
 * @param retryDelay first backoff delay; doubles each retry
 * @param deadline the longest a whole fetch may take, retries and body included
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxRedirects,
        String userAgent,
        List<Path> allowedDirectories,
        int retries,
        Duration retryDelay,
        Duration deadline) {
    /** The default deadline: a 2 GB guide over a slow link fits, a stalled upstream does not hold a job for ever. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);

    public FetchSettings {
        allowedDirectories = List.copyOf(allowedDirectories);
    }

    /** Settings with the {@link #DEFAULT_DEADLINE}. */
    public FetchSettings(
            Duration connectTimeout,
            Duration readTimeout,
            int maxRedirects,
            String userAgent,
            List<Path> allowedDirectories,
            int retries,
            Duration retryDelay) {
        this(
                connectTimeout,
                readTimeout,
                maxRedirects,
                userAgent,
                allowedDirectories,
                retries,
                retryDelay,
                DEFAULT_DEADLINE);
    }

    public static FetchSettings defaults(List<Path> allowedDirectories) {
        return new FetchSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                "tvarr/0.1 (+https://tvarr.io)",
                allowedDirectories,
                3,
                Duration.ofSeconds(1),
                DEFAULT_DEADLINE);
    }
}
