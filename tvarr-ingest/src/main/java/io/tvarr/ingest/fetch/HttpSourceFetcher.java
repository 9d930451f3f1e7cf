package io.tvarr.ingest.fetch;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.tvarr.domain.Failures;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.port.out.SourceFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens http(s) URLs with timeouts, bounded redirects and retries on 5xx and timeouts (Failsafe), and
 * {@code file:} URLs inside the allowed directories only. Bodies are returned raw: parsers sniff gzip themselves.
 * A body that stalls for the read timeout, or a fetch that outlasts its deadline, fails with an
 * {@code UpstreamException} from {@code read} ({@link TimedBody}).
 */
public final class HttpSourceFetcher implements SourceFetcher {
    private static final Logger log = LoggerFactory.getLogger(HttpSourceFetcher.class);

    private final FetchSettings settings;
    /**
     * Made on the first HTTP fetch: building a JDK client loads the default TLS context and its trust store and
     * starts a selector thread, which a {@code tvarr generate} over local files never needs (#19).
     */
    private @Nullable HttpClient client;

    private final RetryPolicy<TimedBody> retry;

    public HttpSourceFetcher(FetchSettings settings) {
        this.settings = settings;
        this.retry = RetryPolicy.<TimedBody>builder()
                .handleIf(HttpSourceFetcher::isTransient)
                .withBackoff(settings.retryDelay(), settings.retryDelay().multipliedBy(8))
                .withMaxRetries(settings.retries())
                .onRetry(e -> log.info(
                        "fetch retried attempt={} reason={}",
                        e.getAttemptCount(),
                        e.getLastException() == null
                                ? "-"
                                : e.getLastException().getMessage()))
                .build();
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    @Override
    public InputStream open(URI url, @Nullable String userAgent, long maxBytes) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> limited(http(url, userAgent), maxBytes, Redaction.redactUrl(url.toString()));
            case "file" -> limited(file(url), maxBytes, url.getPath());
            default ->
                throw new ValidationException(
                        "url: '" + Redaction.redactUrl(url.toString()) + "' (expected: an http, https or file URL)");
        };
    }

    private InputStream http(URI url, @Nullable String userAgent) {
        long start = System.nanoTime();
        try {
            return Failsafe.with(retry).get(() -> follow(url, userAgent, start));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UpstreamException upstream) {
                throw upstream;
            }
            throw new UpstreamException(Redaction.redactUrl(url.toString()) + ": " + cause, cause);
        }
    }

    /** The body of the first non-redirect answer, read with the read timeout and the fetch's deadline. */
    private TimedBody follow(URI start, @Nullable String userAgent, long startNanos)
            throws IOException, InterruptedException {
        URI url = start;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            Duration left = settings.deadline().minusNanos(System.nanoTime() - startNanos);
            if (left.isNegative() || left.isZero()) {
                throw new UpstreamException(Redaction.redactUrl(start.toString()) + ": no answer within "
                        + settings.deadline().toSeconds() + " s (deadline)");
            }
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(left.compareTo(settings.readTimeout()) < 0 ? left : settings.readTimeout())
                    .header("User-Agent", userAgent == null ? settings.userAgent() : userAgent)
                    .header("Accept-Encoding", "gzip")
                    .GET()
                    .build();
            TimedBody body = new TimedBody(
                    Redaction.redactUrl(url.toString()), settings.readTimeout(), settings.deadline(), startNanos);
            HttpResponse<InputStream> response;
            try {
                response = client().send(request, info -> body);
            } catch (HttpTimeoutException e) {
                throw new TransientFailure(Redaction.redactUrl(url.toString()) + ": timed out", e);
            } catch (IOException e) {
                throw new TransientFailure(Redaction.redactUrl(url.toString()) + ": " + Failures.describe(e), e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                body.close();
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new UpstreamException(
                            Redaction.redactUrl(url.toString()) + ": redirect " + status + " without Location");
                }
                url = url.resolve(location.get());
                continue;
            }
            if (status >= 500 || status == 429) {
                body.close();
                throw new TransientFailure(Redaction.redactUrl(url.toString()) + ": http " + status, null);
            }
            if (status >= 400) {
                body.close();
                throw new RefusedUpstreamException(Redaction.redactUrl(url.toString()) + ": http " + status);
            }
            return body;
        }
        throw new UpstreamException(
                Redaction.redactUrl(start.toString()) + ": more than " + settings.maxRedirects() + " redirects");
    }

    private InputStream file(URI url) {
        Path path;
        try {
            path = Path.of(url).toRealPath();
        } catch (NoSuchFileException e) {
            throw new ValidationException("url: file " + url.getPath() + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("url: file " + url.getPath() + " cannot be read (" + e.getMessage() + ")");
        }
        boolean allowed = settings.allowedDirectories().stream().anyMatch(dir -> isInside(path, dir));
        if (!allowed) {
            throw new ValidationException(
                    "url: file " + path + " is outside the allowed directories " + settings.allowedDirectories());
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("url: file " + path + " cannot be opened", e);
        }
    }

    private static boolean isInside(Path path, Path directory) {
        try {
            return path.startsWith(directory.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof TransientFailure;
    }

    /** A failure worth retrying: 5xx, 429, timeouts and connection errors. */
    private static final class TransientFailure extends UpstreamException {
        private static final long serialVersionUID = 1L;

        TransientFailure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** Fails once more than {@code limit} bytes have been read, so a huge or endless body cannot exhaust disk or time. */
    private static InputStream limited(InputStream in, long limit, String what) {
        return new CountingInputStream(in, (bytes, total) -> {
            if (total > limit) {
                throw new RefusedUpstreamException(what + ": body larger than the limit of " + limit + " bytes");
            }
        });
    }
}
