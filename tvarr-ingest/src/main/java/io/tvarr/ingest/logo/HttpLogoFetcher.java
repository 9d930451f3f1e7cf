package io.tvarr.ingest.logo;

import io.tvarr.domain.Failures;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.logo.FetchedLogo;
import io.tvarr.domain.logo.port.out.LogoFetcher;
import io.tvarr.ingest.fetch.TimedBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Downloads logos with short timeouts, the JDK client's redirect handling, conditional requests and a hard size
 * limit (the body is read up to the limit and no further). The timeout bounds the whole download, body included. One try only: a logo that fails now is retried at the
 * next generation, and the channel keeps its original URL meanwhile.
 */
public final class HttpLogoFetcher implements LogoFetcher {
    private final HttpClient client;
    private final Duration timeout;
    private final String userAgent;

    public HttpLogoFetcher(Duration connectTimeout, Duration timeout, String userAgent) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    @Override
    public FetchedLogo fetch(String url, @Nullable String etag, @Nullable String lastModified, int maxBytes) {
        URI uri = parse(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "image/*")
                .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        String where = Redaction.redactUrl(url);
        // the request timeout covers the headers only: the body gets what is left of the same budget
        TimedBody timed = new TimedBody(where, timeout, timeout, System.nanoTime());
        try {
            HttpResponse<InputStream> response = client.send(request.build(), info -> timed);
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 304) {
                    return FetchedLogo.unchanged();
                }
                if (status != 200) {
                    throw new UpstreamException(where + ": http " + status);
                }
                long declared =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new UpstreamException(
                            where + ": " + declared + " bytes (expected: at most " + maxBytes + ")");
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new UpstreamException(where + ": larger than " + maxBytes + " bytes");
                }
                return new FetchedLogo(
                        false,
                        bytes,
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
            }
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(where + ": timed out", e);
        } catch (IOException e) {
            throw new UpstreamException(where + ": " + Failures.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(where + ": interrupted", e);
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the URL
        }
        throw new ValidationException("logo url: '" + Redaction.redactUrl(url) + "' (expected: an http or https URL)");
    }
}
