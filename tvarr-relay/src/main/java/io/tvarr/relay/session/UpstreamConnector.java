package io.tvarr.relay.session;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.relay.hls.HlsFetcher;
import io.tvarr.relay.hls.HlsStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens a channel's upstream over HTTP(S) with the provider's headers and a bounded wait for the answer. Plain
 * {@code http://} upstreams, the common case and the relay's hot path, are read over a socket of their own
 * ({@link PlainHttpGet}, redirects followed here); {@code https://} ones and redirects to them go through the JDK's
 * client.
 */
final class UpstreamConnector implements UpstreamOpener {
    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration answerTimeout;

    UpstreamConnector(Duration connectTimeout, Duration answerTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
    }

    /** An HLS playlist's text, fetched with the provider's headers over this connector's client. */
    String playlist(URI url, java.util.Map<String, String> headers) throws InterruptedException {
        return new HlsFetcher(client, headers, answerTimeout).playlist(url);
    }

    /** The response body of a 200 answer; the caller closes it. */
    @Override
    public InputStream open(StreamPlan plan) throws InterruptedException {
        String where = Redaction.redactUrl(plan.upstreamUrl());
        URI uri;
        try {
            uri = URI.create(plan.upstreamUrl());
        } catch (IllegalArgumentException e) {
            throw new RefusedUpstreamException(where + ": not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUpstreamException(where + ": only http and https upstreams can be relayed");
        }
        URI at = uri;
        for (int hop = 0; scheme.equals("http"); hop++) {
            PlainHttpGet.Response response;
            try {
                response = PlainHttpGet.get(at, plan.headers(), connectTimeout, answerTimeout);
            } catch (SocketTimeoutException e) {
                throw new UpstreamException(where + ": no answer within " + answerTimeout.toSeconds() + " s", e);
            } catch (InterruptedIOException e) {
                throw new InterruptedException(where + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new RefusedUpstreamException(where + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UpstreamException(where + ": " + HlsFetcher.reason(e), e);
            }
            String location = response.header("location");
            if (REDIRECTS.contains(response.status()) && !location.isEmpty() && hop < MAX_REDIRECTS) {
                close(response.body());
                try {
                    at = at.resolve(location);
                } catch (IllegalArgumentException e) {
                    throw new UpstreamException(where + ": redirected to an invalid URL");
                }
                scheme = at.getScheme() == null ? "" : at.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    throw new RefusedUpstreamException(where + ": redirected to a scheme other than http(s)");
                }
                continue;
            }
            return answer(
                    plan, where, response.status(), response.header("content-type"), response.uri(), response.body());
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(at).timeout(answerTimeout).GET();
        plan.headers().forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(where + ": no answer within " + answerTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new UpstreamException(where + ": " + HlsFetcher.reason(e), e);
        }
        return answer(
                plan,
                where,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.uri(),
                response.body());
    }

    /** A 200 answer's body, or HLS collapsed into one stream; any other status is a failure. */
    private InputStream answer(StreamPlan plan, String where, int status, String contentType, URI uri, InputStream body)
            throws InterruptedException {
        if (status != 200) {
            close(body);
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new RefusedUpstreamException(where + ": http " + status);
            }
            throw new UpstreamException(where + ": http " + status);
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (type.contains("mpegurl") || path.endsWith(".m3u8")) {
            String playlist;
            try (body) {
                byte[] bytes = body.readNBytes(2 * 1024 * 1024);
                playlist = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UpstreamException(where + ": " + HlsFetcher.reason(e), e);
            }
            if (!playlist.stripLeading().startsWith("#EXTM3U")) {
                throw new RefusedUpstreamException(where + ": announced as HLS but is not a playlist");
            }
            HlsFetcher fetcher = new HlsFetcher(client, plan.headers(), answerTimeout);
            return HlsStream.open(fetcher, uri, playlist, 0);
        }
        return body;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the answer is already a failure; nothing to add
        }
    }
}
